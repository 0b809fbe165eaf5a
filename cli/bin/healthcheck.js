#!/usr/bin/env node
// A container's health check (docker-compose.yml). Each argument is one thing that must answer:
//   http://127.0.0.1:3000/ready   answers 2xx (the web role's readiness: database, Redis, S3);
//   tcp://postgres:5432           accepts a connection (for the roles without an HTTP port: the services they need).
// Exits 0 when every one does, else 1 with the first failure on stderr. Plain Node because the slim image has no
// curl or wget, and a probe must never start SkillSwap itself (which would migrate and load the catalog).
import { connect } from "node:net";

const timeoutMs = 4_000;

/** Resolves when `url` answers 2xx within the time limit; rejects with why not. */
async function httpAnswers(url) {
  const response = await globalThis.fetch(url, {
    signal: globalThis.AbortSignal.timeout(timeoutMs),
    redirect: "manual",
  });
  await response.body?.cancel();
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
}

/** Resolves when host:port accepts a TCP connection within the time limit; rejects with why not. */
function tcpAccepts(url) {
  const { hostname, port } = new URL(url);
  if (port === "") return Promise.reject(new Error(`${url} names no port`));
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port), timeout: timeoutMs });
    socket.once("connect", () => {
      socket.destroy();
      resolve();
    });
    socket.once("timeout", () => {
      socket.destroy();
      reject(new Error(`${url} did not accept a connection within ${timeoutMs} ms`));
    });
    socket.once("error", (error) => reject(new Error(`${url}: ${error.message}`)));
  });
}

function probe(target) {
  if (/^https?:\/\//.test(target)) return httpAnswers(target);
  if (target.startsWith("tcp://")) return tcpAccepts(target);
  return Promise.reject(new Error(`${target}: use an http://, https:// or tcp:// address`));
}

const targets = process.argv.slice(2);
if (targets.length === 0) {
  console.error("usage: healthcheck.js <http://host:port/path | tcp://host:port>...");
  process.exit(2);
}
try {
  await Promise.all(targets.map(probe));
} catch (error) {
  console.error(`unhealthy: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
