/**
 * A refusal thrown from a loader or action: a real Response, so Remix hands it out unchanged
 * from resource routes (a thrown `data()` there becomes a 500 "Unexpected Server Error" and an
 * error in the log), while a page's error boundary still reads the sentence from
 * `isRouteErrorResponse(error).data.message`.
 */
export function httpError(status: number, message: string, headers?: HeadersInit): Response {
  const init = new Headers(headers);
  init.set("content-type", "application/json; charset=utf-8");
  return new Response(JSON.stringify({ message }), { status, headers: init });
}
