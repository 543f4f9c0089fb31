import { setImmediate as nextTurn } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { CoalescedStream } from "./coalesced-stream.server.ts";

/** Every chunk the stream passes on, as text. */
function collect(stream: CoalescedStream): string[] {
  const out: string[] = [];
  stream.on("data", (chunk: Buffer) => out.push(chunk.toString("utf8")));
  return out;
}

describe("CoalescedStream", () => {
  it("passes on what is written in one turn of the event loop as one chunk, in order", async () => {
    const stream = new CoalescedStream();
    const out = collect(stream);
    for (const part of ["<html>", "<body>", "<p>é</p>"]) stream.write(part);
    await nextTurn();
    await nextTurn();
    expect(out).toEqual(["<html><body><p>é</p>"]);
  });

  it("still streams: what is written in a later turn leaves as its own chunk, without waiting for the end", async () => {
    const stream = new CoalescedStream();
    const out = collect(stream);
    stream.write("shell");
    await nextTurn();
    await nextTurn();
    expect(out).toEqual(["shell"]);
    stream.write("suspended ");
    stream.write("part");
    await nextTurn();
    await nextTurn();
    expect(out).toEqual(["shell", "suspended part"]);
  });

  it("lets a burst out every 64 kB, and the rest at the end", async () => {
    const stream = new CoalescedStream();
    const out = collect(stream);
    const kilobyte = "x".repeat(1024);
    for (let i = 0; i < 100; i++) stream.write(kilobyte);
    stream.end("!");
    await new Promise((resolve) => stream.on("end", resolve));
    expect(out.map((chunk) => chunk.length)).toEqual([64 * 1024, 36 * 1024 + 1]);
    expect(out.join("")).toBe(`${kilobyte.repeat(100)}!`);
  });
});
