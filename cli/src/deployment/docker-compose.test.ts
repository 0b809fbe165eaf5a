import { readFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

// No Docker engine runs in CI: the Compose file is checked against the Compose Specification's JSON schema
// (vendored in .ci/compose-spec) and against what docker-compose.yml promises the people who deploy it.
const root = new URL("../../../", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), "utf8");
const require = createRequire(import.meta.url);

/** The part of a Compose file these tests read; the schema vouches for the shapes before they are read. */
interface Healthcheck {
  readonly test?: string | readonly string[];
  readonly disable?: boolean | string;
}
interface Service {
  readonly image?: string;
  readonly build?: unknown;
  readonly command?: string | readonly string[];
  readonly restart?: string;
  readonly profiles?: readonly string[];
  readonly ports?: ReadonlyArray<string | number | { readonly published?: string | number }>;
  readonly volumes?: ReadonlyArray<string | { readonly source?: string; readonly type?: string }>;
  readonly healthcheck?: Healthcheck;
  readonly depends_on?: readonly string[] | Readonly<Record<string, { readonly condition: string }>>;
  readonly environment?: readonly string[] | Readonly<Record<string, string | number | boolean | null>>;
}
interface ComposeFile {
  readonly services: Readonly<Record<string, Service>>;
  readonly volumes?: Readonly<Record<string, unknown>>;
}

function composeValidator() {
  const schema: { $schema: string } = JSON.parse(read(".ci/compose-spec/compose-spec.json"));
  const draft07: object = require("ajv/dist/refs/json-schema-draft-07.json");
  // strict off: the specification's schema uses union types and loose keywords that Ajv's strict mode refuses.
  const ajv = new Ajv({ allErrors: true, strict: false });
  // The schema names draft-07 by its https address, which Ajv knows only under http://…#.
  ajv.addMetaSchema({ ...draft07, $id: schema.$schema });
  return ajv.compile<ComposeFile>(schema);
}

// Merge keys (<<: *app) are how the file shares the app's settings between its services; Compose reads them.
const document: unknown = parse(read("docker-compose.yml"), { merge: true });
const validate = composeValidator();
const valid = validate(document) ? document : undefined;

/** The file, once the schema accepted it: the promises below are only worth checking on a valid file. */
function composeFile(): ComposeFile {
  if (valid === undefined) throw new Error("docker-compose.yml breaks the Compose schema: see the schema test");
  return valid;
}

const commandOf = (service: Service) =>
  typeof service.command === "string" ? service.command.split(" ") : [...(service.command ?? [])];
const roleOf = (service: Service) => {
  const command = commandOf(service);
  return command[0] === "start" ? command[command.indexOf("--roles") + 1] : undefined;
};
const isOneShot = (service: Service) => service.restart === "no";
const isNameList = (value: Service["depends_on"]): value is readonly string[] => Array.isArray(value);
/** [service, condition] pairs; the short list form waits only for the start, as Compose reads it. */
const dependenciesOf = ({ depends_on: dependsOn = {} }: Service): Array<[string, string]> =>
  isNameList(dependsOn)
    ? dependsOn.map((name) => [name, "service_started"])
    : Object.entries(dependsOn).map(([name, { condition }]) => [name, condition]);

describe("docker-compose.yml", () => {
  it("is valid against the Compose Specification's schema", () => {
    validate(document);
    expect((validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ""}`)).toEqual([]);
  });

  it("runs every role of the app from the image built by the Dockerfile", () => {
    const compose = composeFile();
    const services = Object.entries(compose.services);
    const roles = services.map(([, service]) => roleOf(service)).filter((role) => role !== undefined);
    expect(new Set(roles)).toEqual(new Set(["web", "worker", "discord", "slack"]));
    const app = services.filter(([, service]) => roleOf(service) !== undefined || commandOf(service)[0] === "migrate");
    for (const [, service] of app) expect(service.build).toBeDefined();
    expect(new Set(app.map(([, service]) => service.image)).size).toBe(1);
  });

  it("puts two web processes behind one published port", () => {
    const compose = composeFile();
    const services = Object.entries(compose.services);
    const web = services.filter(([, service]) => roleOf(service) === "web").map(([name]) => name);
    expect(web).toHaveLength(2);
    const publishing = services.filter(([, service]) => (service.ports ?? []).length > 0);
    expect(publishing.map(([name]) => name)).toEqual(["proxy"]);
    const [, proxy] = publishing[0] ?? ["", {}];
    expect(proxy.ports).toHaveLength(1);
    expect(proxy.volumes).toContain("./docker/nginx.conf:/etc/nginx/conf.d/default.conf:ro");
    // The proxy's upstream is exactly those two processes, on the port the app listens on.
    const upstream = /upstream\s+\w+\s*\{([^}]*)\}/.exec(read("docker/nginx.conf"))?.[1] ?? "";
    const servers = [...upstream.matchAll(/^\s*server\s+([\w.-]+):(\d+)/gm)].map((m) => `${m[1] ?? ""}:${m[2] ?? ""}`);
    expect(servers.sort()).toEqual(web.map((name) => `${name}:3000`).sort());
    for (const name of web) {
      const environment = compose.services[name]?.environment;
      expect(environment).toMatchObject({ PORT: "3000", HOST: "0.0.0.0", TRUST_PROXY: "1" });
    }
  });

  it("checks the health of every service that keeps running", () => {
    const compose = composeFile();
    const services = Object.entries(compose.services);
    const unchecked = services
      .filter(([, service]) => !isOneShot(service))
      .filter(([, { healthcheck }]) => {
        const disabled = healthcheck?.disable === true || healthcheck?.disable === "true";
        return disabled || healthcheck?.test === undefined || healthcheck.test.length === 0;
      });
    expect(unchecked.map(([name]) => name)).toEqual([]);
    // The one-shots run to completion instead: the migrations and the bucket.
    expect(services.filter(([, service]) => isOneShot(service)).map(([name]) => name)).toEqual([
      "migrate",
      "minio-init",
    ]);
    // The app's checks use the probe shipped in the image.
    expect(existsSync(new URL("cli/bin/healthcheck.js", root))).toBe(true);
  });

  it("starts each service only once what it depends on is healthy, or has completed", () => {
    const compose = composeFile();
    const services = Object.entries(compose.services);
    const wrong = services.flatMap(([name, service]) =>
      dependenciesOf(service).flatMap(([target, condition]) => {
        const dependency = compose.services[target];
        if (dependency === undefined) return [`${name} depends on ${target}, which is not a service`];
        const expected = isOneShot(dependency) ? "service_completed_successfully" : "service_healthy";
        return condition === expected ? [] : [`${name} → ${target}: ${condition}, expected ${expected}`];
      }),
    );
    expect(wrong).toEqual([]);
    // The migrations are applied once, before any process of the app starts.
    for (const [name, service] of services.filter(([, s]) => roleOf(s) !== undefined))
      expect(dependenciesOf(service), name).toContainEqual(["migrate", "service_completed_successfully"]);
  });

  it("keeps every datastore's data in a named volume", () => {
    const compose = composeFile();
    const services = Object.entries(compose.services);
    const declared = Object.keys(compose.volumes ?? {});
    const named = (service: Service) =>
      (service.volumes ?? [])
        .map((volume) => (typeof volume === "string" ? volume.split(":")[0] : volume.source))
        .filter((source) => source !== undefined && !/^[./~]/.test(source));
    for (const store of ["postgres", "redis", "elasticsearch", "minio"])
      expect(named(compose.services[store] ?? {}), store).toHaveLength(1);
    const undeclared = services.flatMap(([, service]) => named(service)).filter((v) => !declared.includes(v ?? ""));
    expect(undeclared).toEqual([]);
  });

  it("runs the Elasticsearch server of the client's version", () => {
    const compose = composeFile();
    const core: { dependencies: Record<string, string> } = JSON.parse(read("core/package.json"));
    const [major, minor] = (core.dependencies["@elastic/elasticsearch"] ?? "").replace(/^\D*/, "").split(".");
    expect(compose.services.elasticsearch?.image).toMatch(
      new RegExp(`^docker\\.elastic\\.co/elasticsearch/elasticsearch:${major ?? ""}\\.${minor ?? ""}\\.\\d+$`),
    );
  });
});
