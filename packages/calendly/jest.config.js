import { jestPreset } from "../../jest.preset.js";

// This package's tests need no database (and it does not depend on @booking/db, whose generated
// client the shared PostgreSQL setup loads), so it runs without that setup.
const { globalSetup: _setup, globalTeardown: _teardown, ...preset } = jestPreset;
export default preset;
