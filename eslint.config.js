// One lint config for every package: type-checked rules, plus the architecture's import boundaries.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const platformPackages = ["discord.js", "@discordjs/*", "@slack/*", "fastify", "@fastify/*", "preact", "preact/*"];
// What no file of the core may import. A later block's no-restricted-imports replaces this one for the files it
// matches, so blocks narrowing core/src further spread it into their own patterns.
const coreImportsNoAdapter = {
  group: [...platformPackages, "@skillswap/bot", "@skillswap/dashboard", "@skillswap/cli"],
  message: "core imports no adapter.",
};

// What the bot may not import, anywhere in it; blocks narrowing bot/src further spread it into their patterns.
const botImportsNoOtherDoor = {
  group: ["@skillswap/dashboard", "@skillswap/cli", "fastify", "@fastify/*", "preact", "preact/*"],
  message: "bot imports the core and platform SDKs only.",
};

// What a door may not read from the core, however it is spelled: `core.database`, `core["deps"]`, `{ database }`.
const coreInternals = "/^(database|deps)$/";
const noCoreInternalsMessage =
  "Doors never read the core's database or internals: add a core use case (operators' reads go in core/src/domain/operations) and call it.";
const doorsReachNoCoreInternals = [
  `MemberExpression[computed=false][property.name=${coreInternals}]`,
  `MemberExpression[computed=true][property.value=${coreInternals}]`,
  `ObjectPattern > Property[key.name=${coreInternals}]`,
].map((selector) => ({ selector, message: noCoreInternalsMessage }));

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/dist/**",
      "core/src/infra/prisma/generated/**",
      "data/**",
      "**/*.d.ts",
      "bench/results.json",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: [
            "*.js",
            "*.ts",
            "prisma/scripts/*.mjs",
            "cli/bin/*.js",
            ".ci/*.mjs",
            "dashboard/web/*.mjs",
          ],
          maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 40,
          defaultProject: "tsconfig.base.json",
        },
      },
    },
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-non-null-assertion": "error",
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      "@typescript-eslint/no-unnecessary-condition": "off",
      "@typescript-eslint/no-confusing-void-expression": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.mjs", "**/*.js"],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
  },
  {
    // vitest's asymmetric matchers (expect.any, expect.stringMatching) are typed `any` by design.
    files: ["**/*.test.ts"],
    rules: { "@typescript-eslint/no-unsafe-assignment": "off" },
  },
  {
    // The core is pure domain code: no platform SDK, no web framework, no UI.
    files: ["core/src/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [coreImportsNoAdapter],
        },
      ],
    },
  },
  {
    // Inside the core, imports point downward: the domain uses ports and infra implements them, never the reverse.
    // Shared pure helpers live below both (core/src/text/).
    files: ["core/src/infra/**/*.ts", "core/src/ports/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            coreImportsNoAdapter,
            {
              group: ["**/domain", "**/domain/**"],
              message:
                "infra and ports sit below the domain and must not import it: move what both need down (ports/, text/).",
            },
          ],
        },
      ],
    },
  },
  {
    // The bot is a door: it reaches the core, never the dashboard or the composition root.
    files: ["bot/src/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [botImportsNoOtherDoor],
        },
      ],
    },
  },
  {
    // The bot's chat layer is the same on every platform: the translators (discord/, slack/) import it, never
    // the reverse, and it knows no platform SDK.
    files: ["bot/src/chat/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            botImportsNoOtherDoor,
            {
              group: [
                "discord.js",
                "@discordjs/*",
                "@slack/*",
                "**/discord",
                "**/discord/**",
                "**/slack",
                "**/slack/**",
              ],
              message: "bot/src/chat is platform-neutral: platform JSON belongs in bot/src/discord or bot/src/slack.",
            },
          ],
        },
      ],
    },
  },
  {
    // The dashboard is a door over the core. From the bot it takes only the DiscordInteractions contract (a
    // type) for the HTTP transport of interactions; the composition root hands it the bot's implementation.
    files: ["dashboard/src/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@skillswap/bot", "@skillswap/bot/*"],
              allowTypeImports: true,
              message: "dashboard imports only types from the bot; the CLI passes the implementation in.",
            },
            {
              group: ["@skillswap/cli", "discord.js", "@discordjs/*", "@slack/*"],
              message: "dashboard imports the core.",
            },
          ],
        },
      ],
    },
  },
  {
    // The dashboard's pages run in the browser and know the server only through its HTTP API (/api/v1).
    files: ["dashboard/web/src/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "zod",
              message: "zod/mini: the pages' code is downloaded, and classic zod is several times larger.",
            },
          ],
          patterns: [
            {
              group: ["@skillswap/*", "fastify", "@fastify/*", "node:*", "../../src/**"],
              message: "the dashboard's pages call the API (src/api/); they import no server or core code.",
            },
          ],
        },
      ],
    },
  },
  {
    // Doors call the core's use cases and render what they answer; the core's database and ports are its own.
    // Tests and test helpers may still reach them to arrange and check rows.
    files: ["bot/src/**/*.ts", "dashboard/src/**/*.ts", "dashboard/src/**/*.tsx", "cli/src/**/*.ts"],
    ignores: ["**/*.test.ts", "**/*.test.tsx", "**/testing/**"],
    rules: {
      "no-restricted-syntax": ["error", ...doorsReachNoCoreInternals],
    },
  },
  {
    // Configuration is read once, in core/src/config.ts; everything else receives it.
    files: ["**/*.ts"],
    ignores: ["core/src/config.ts", "**/*.test.ts", "bench/**", "vitest.config.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        {
          object: "process",
          property: "env",
          message: "Read configuration through loadConfig() in core/src/config.ts.",
        },
      ],
    },
  },
);
