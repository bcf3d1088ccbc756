import { jestPreset } from "../../jest.preset.js";
export default {
  ...jestPreset,
  // The app's "~/..." import alias (tsconfig paths).
  moduleNameMapper: { ...jestPreset.moduleNameMapper, "^~/(.*)$": "<rootDir>/src/$1" },
};
