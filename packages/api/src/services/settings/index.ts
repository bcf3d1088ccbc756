export { getSettings, settingsSelect, defaultSettings, type WorkspaceSettingsView } from "./get-settings.ts";
export { updateSettings, type UpdateSettingsInput } from "./update-settings.ts";
