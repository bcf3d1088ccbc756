export { defaultSettings, getSettings, settingsSelect, type WorkspaceSettingsView } from "./get-settings.ts";
export { type UpdateSettingsInput, updateSettings } from "./update-settings.ts";
