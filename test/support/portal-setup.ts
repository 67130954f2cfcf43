// The portal project's setup (jest.config.js): a browser and the whole stack per file need far more than Jest's
// 5 s. Jest reads `testTimeout` only from the global configuration, not per project, hence this file.
jest.setTimeout(60_000);
