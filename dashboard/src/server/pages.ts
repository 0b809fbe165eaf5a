import type { FastifyReply } from "fastify";

/** The few server-rendered pages the web server has before the dashboard's own (a later issue). */

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A page of plain sentences, each escaped. */
export function sentencesPage(sentences: readonly string[]): string {
  const paragraphs = sentences.map((sentence) => `<p>${escapeHtml(sentence)}</p>`).join("");
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>SkillSwap</title></head>
<body><main><h1>SkillSwap</h1>${paragraphs}</main></body>
</html>
`;
}

/**
 * Answers with a page of sentences, never cached: these pages say who is signed in or why a link failed, which
 * no shared cache may keep.
 */
export function sendSentencesPage(reply: FastifyReply, status: number, sentences: readonly string[]): FastifyReply {
  return reply
    .code(status)
    .header("cache-control", "no-store")
    .type("text/html; charset=utf-8")
    .send(sentencesPage(sentences));
}
