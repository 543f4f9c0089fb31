import { describe, expect, it } from "vitest";
import {
  CONVERSATION_MAX_BYTES,
  CONVERSATION_PROBLEMS,
  parseConversation,
  parseConversationText,
  suggestSalespersonSpeaker,
  toSentences,
  type ParseOutcome,
  type ParsedConversation,
} from "./conversation-parsing.ts";

const encode = (text: string) => new TextEncoder().encode(text);

function parsed(outcome: ParseOutcome): ParsedConversation {
  if (!outcome.ok) throw new Error(`expected the conversation to be read, got: ${outcome.problem}`);
  return outcome.conversation;
}

function turns(conversation: ParsedConversation): [string, string][] {
  return conversation.utterances.map((utterance) => [utterance.speaker, utterance.text]);
}

/** A transcript read whole: its format, the speakers, and each turn as "start in ms, speaker: words". */
function transcript(conversation: ParsedConversation) {
  return {
    format: conversation.format,
    speakers: conversation.speakers,
    turns: conversation.utterances.map((utterance) => `${utterance.startMs}ms ${utterance.speaker}: ${utterance.text}`),
  };
}

// Two whole transcripts with CRLF line ends and a byte-order mark, as Teams and subtitle tools save them.
const crlf = (text: string) => text.replace(/\n/g, "\r\n");
const TEAMS_VTT = crlf(`\uFEFFWEBVTT - Acme Logistics discovery call
Kind: captions

NOTE
Recorded in Microsoft Teams.
Speaker names come from the meeting roster.

STYLE
::cue { color: white }

REGION
id:fred width:40%

3c6d8f0e-1a2b-4c3d-9e8f-000000000001/12-0
00:00:04.120 --> 00:00:07.800 align:start position:10%
<v Maya Chen>Thanks for making the time, Tom.</v>

3c6d8f0e-1a2b-4c3d-9e8f-000000000001/13-0
00:00:08.000 --> 00:00:12.450
<v Tom Baker>Sure. Our finance team lives in Excel,
so exports matter a lot.</v>

00:00:12.600 --> 00:00:16.000
<v.loud Maya Chen>We export to xlsx &amp; csv &lt;today&gt;,&nbsp;no plugin needed.</v>

00:00:16.100 --> 00:00:18.000
<v Maya Chen><c.yellow>It</c> <i>works</i> <00:00:16.500><b>with</b> Excel 2007 and later.</v>
`);
const NUMBERED_SRT = crlf(`\uFEFF1
00:00:01,000 --> 00:00:04,000
[Maya Chen] Welcome everyone.

2
00:00:04,500 --> 00:00:08,250
SPEAKER 1: Can it export to
<i>legacy .xls files?</i>

3
00:00:08,300 --> 00:00:11,000
Maya Chen: Only xlsx, for Excel 2007
and later.

4
00:00:11,000 --> 00:00:13,000
{\\an8}The old format isn't supported.


`);

describe("a whole transcript file", () => {
  it.each([
    [
      "reads a Teams transcript: voice tags, cue ids, NOTE and STYLE blocks, settings, BOM and CRLF",
      "Acme call.vtt",
      TEAMS_VTT,
      {
        format: "VTT",
        speakers: ["Maya Chen", "Tom Baker"],
        turns: [
          "4120ms Maya Chen: Thanks for making the time, Tom.",
          "8000ms Tom Baker: Sure. Our finance team lives in Excel, so exports matter a lot.",
          "12600ms Maya Chen: We export to xlsx & csv <today>, no plugin needed. It works with Excel 2007 and later.",
        ],
      },
    ],
    [
      "reads numbered cues with Speaker:, [Speaker] and SPEAKER 1: prefixes, multi-line text, BOM, CRLF and trailing blank lines",
      "call.srt",
      NUMBERED_SRT,
      {
        format: "SRT",
        speakers: ["Maya Chen", "SPEAKER 1"],
        turns: [
          "1000ms Maya Chen: Welcome everyone.",
          "4500ms SPEAKER 1: Can it export to legacy .xls files?",
          "8300ms Maya Chen: Only xlsx, for Excel 2007 and later. The old format isn't supported.",
        ],
      },
    ],
  ])("%s", (_name, fileName, text, expected) => {
    expect(transcript(parsed(parseConversation(fileName, encode(text))))).toEqual(expected);
  });

  it("gives a Teams transcript no title, no date and counts its words", () => {
    const conversation = parsed(parseConversation("Acme call.vtt", encode(TEAMS_VTT)));
    expect(conversation.title).toBe("");
    expect(conversation.occurredAt).toBeNull();
    expect(conversation.wordCount).toBe(34);
  });
});

describe("WebVTT transcripts", () => {
  it("reads a Zoom transcript, whose cues start with the speaker's name", () => {
    const zoom = `WEBVTT

1
00:00:01.010 --> 00:00:05.320
Maya Chen: Hi Tom, can you hear me?

2
00:00:05.900 --> 00:00:09.100
Tom Baker (Acme): Loud and clear. Do you support SSO?

3
00:01:02.500 --> 00:01:05.000
Maya Chen: Yes, SAML with Okta and Entra ID.
`;
    const conversation = parsed(parseConversationText(zoom, "GMT20260302-160000_Recording.transcript.vtt"));
    expect(conversation.speakers).toEqual(["Maya Chen", "Tom Baker (Acme)"]);
    expect(turns(conversation)).toEqual([
      ["Maya Chen", "Hi Tom, can you hear me?"],
      ["Tom Baker (Acme)", "Loud and clear. Do you support SSO?"],
      ["Maya Chen", "Yes, SAML with Okta and Entra ID."],
    ]);
    expect(conversation.utterances[2]?.startMs).toBe(62_500);
  });

  it("keeps the speaker of the previous cue when a cue names nobody, and splits dialogue cues", () => {
    const vtt = `WEBVTT

00:00:01.000 --> 00:00:03.000
Maya: We sync with Salesforce

00:00:03.000 --> 00:00:05.000
every fifteen minutes.

00:00:05.000 --> 00:00:07.000
- Tom: Nice.
- Maya: Right?
`;
    expect(turns(parsed(parseConversationText(vtt)))).toEqual([
      ["Maya", "We sync with Salesforce every fifteen minutes."],
      ["Tom", "Nice."],
      ["Maya", "Right?"],
    ]);
  });

  it("refuses a WebVTT file without cues and one whose cues name nobody", () => {
    expect(parseConversation("empty.vtt", encode("WEBVTT\n\nNOTE nothing was said\n"))).toEqual({
      ok: false,
      problem: CONVERSATION_PROBLEMS.vttNoCues,
    });
    const unnamed =
      "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhello there\n\n00:00:02.000 --> 00:00:03.000\nwe support xls\n";
    expect(parseConversation("captions.vtt", encode(unnamed))).toEqual({
      ok: false,
      problem: CONVERSATION_PROBLEMS.noSpeakers,
    });
  });
});

describe("SRT transcripts", () => {
  it("does not mistake a number spoken at the end of a cue for the next cue's number", () => {
    const srt =
      "1\n00:00:01,000 --> 00:00:02,000\nTom: Which Excel do you need?\n\n2\n00:00:02,000 --> 00:00:03,000\nMaya: Excel\n2007\n\n3\n00:00:03,000 --> 00:00:04,000\nTom: Great.\n";
    expect(turns(parsed(parseConversationText(srt, "call.srt")))).toEqual([
      ["Tom", "Which Excel do you need?"],
      ["Maya", "Excel 2007"],
      ["Tom", "Great."],
    ]);
  });

  it("reads SRT timings in a .txt file as SRT", () => {
    const srt = "1\n00:00:01,000 --> 00:00:02,000\nMaya: Hello.\n";
    expect(parsed(parseConversation("export.txt", encode(srt))).format).toBe("SRT");
  });
});

describe("plain-text transcripts", () => {
  it("reads Speaker: lines, continuation lines and blank lines, leaving out a title before the first speaker", () => {
    const text = `Acme Logistics — discovery call, 2 March

Maya Chen: Thanks for joining. Quick agenda: exports, then SSO.
Tom Baker: Sounds good.
Our auditors need the old .xls format
for their macros.

Maya Chen: Understood. Bottom line: we only export xlsx today.
`;
    const conversation = parsed(parseConversationText(text));
    expect(conversation.format).toBe("TEXT");
    expect(turns(conversation)).toEqual([
      ["Maya Chen", "Thanks for joining. Quick agenda: exports, then SSO."],
      ["Tom Baker", "Sounds good. Our auditors need the old .xls format for their macros."],
      ["Maya Chen", "Understood. Bottom line: we only export xlsx today."],
    ]);
    expect(conversation.utterances.every((utterance) => utterance.startMs === null)).toBe(true);
  });

  it("reads Otter, Fireflies and Rev timestamps", () => {
    const fireflies =
      "[00:12:03] Maya: We cover SAML.\n00:12:09 Tom: And SCIM?\n[00:12:15] Maya: SCIM is coming next quarter.\n10:30 works for the follow-up, by the way.\n";
    expect(parsed(parseConversationText(fireflies)).utterances).toEqual([
      { speaker: "Maya", text: "We cover SAML.", startMs: 723_000 },
      { speaker: "Tom", text: "And SCIM?", startMs: 729_000 },
      {
        speaker: "Maya",
        text: "SCIM is coming next quarter. 10:30 works for the follow-up, by the way.",
        startMs: 735_000,
      },
    ]);
    const otter = "Maya Chen  0:02\nHi Tom, thanks for joining.\n\nTom Baker  0:05\nHappy to.\n";
    expect(parsed(parseConversationText(otter, "otter.txt")).utterances).toEqual([
      { speaker: "Maya Chen", text: "Hi Tom, thanks for joining.", startMs: 2000 },
      { speaker: "Tom Baker", text: "Happy to.", startMs: 5000 },
    ]);
    const rev = "Maya Chen (00:01:10):\nWe support Okta.\n\nTom Baker (00:01:15): Great.\n";
    expect(parsed(parseConversationText(rev)).utterances).toEqual([
      { speaker: "Maya Chen", text: "We support Okta.", startMs: 70_000 },
      { speaker: "Tom Baker", text: "Great.", startMs: 75_000 },
    ]);
  });

  it("refuses text in which nobody is named", () => {
    const prose = "We talked about exports and SSO.\nThe customer wants xls support.\nNote: follow up next week.";
    expect(parseConversationText(prose)).toEqual({ ok: false, problem: CONVERSATION_PROBLEMS.noSpeakers });
    expect(CONVERSATION_PROBLEMS.noSpeakers).toMatch(/^Candor could not tell who is speaking/);
  });
});

describe("emails", () => {
  const eml = [
    "Return-Path: <tom@acme-logistics.com>",
    "Received: from mail.acme-logistics.com (mail.acme-logistics.com [203.0.113.5])",
    "\tby mx.vendor.com with ESMTPS id 4f2a",
    "\tfor <maya@vendor.com>; Tue, 03 Mar 2026 10:15:02 +0000",
    'From: "Tom Baker" <tom@acme-logistics.com>',
    "To: Maya Chen <maya@vendor.com>",
    "Subject: =?utf-8?Q?Re:_Excel_export_=E2=80=94_follow-up?=",
    "Date: Tue, 3 Mar 2026 10:15:00 +0000",
    "Message-ID: <CAF123@mail.acme-logistics.com>",
    "MIME-Version: 1.0",
    'Content-Type: multipart/alternative; boundary="000000000000b1e2"',
    "",
    "--000000000000b1e2",
    'Content-Type: text/plain; charset="UTF-8"',
    "Content-Transfer-Encoding: quoted-printable",
    "",
    "Thanks Maya =E2=80=94 that settles it. We=E2=80=99ll go with xlsx for n=",
    "ow.",
    "",
    "--",
    "Tom Baker | Finance Systems | Acme Logistics",
    "",
    "On Mon, Mar 2, 2026 at 4:02=E2=80=AFPM Maya Chen <maya@vendor.com> wrote:",
    "",
    "> Hi Tom,",
    ">",
    "> We don't support the legacy .xls format, only xlsx.",
    "> It's on the roadmap for next quarter.",
    ">",
    "> Best,",
    "> Maya",
    ">",
    "--000000000000b1e2",
    'Content-Type: text/html; charset="UTF-8"',
    "",
    "<div>Thanks Maya &mdash; that settles it.</div>",
    "--000000000000b1e2--",
    "",
  ].join("\r\n");

  it("reads an .eml: folded headers, encoded subject, multipart text, quoted-printable, signature, quoted earlier message", () => {
    const conversation = parsed(parseConversation("Re_ Excel export.eml", encode(eml)));
    expect(conversation.format).toBe("EMAIL");
    expect(conversation.title).toBe("Re: Excel export — follow-up");
    expect(conversation.occurredAt?.toISOString()).toBe("2026-03-03T10:15:00.000Z");
    expect(conversation.speakers).toEqual(["Maya Chen", "Tom Baker"]);
    expect(turns(conversation)).toEqual([
      ["Maya Chen", "Hi Tom,"],
      ["Maya Chen", "We don't support the legacy .xls format, only xlsx. It's on the roadmap for next quarter."],
      ["Maya Chen", "Best, Maya"],
      ["Tom Baker", "Thanks Maya — that settles it. We’ll go with xlsx for now."],
    ]);
  });

  it("reads a base64 text part in another charset", () => {
    const body = btoa(
      String.fromCharCode(...[..."Bonjour, l'export Excel fonctionne déjà."].map((char) => char.charCodeAt(0))),
    );
    const latin = [
      "From: Claire Dubois <claire@client.fr>",
      "To: maya@vendor.com",
      "Subject: Export",
      "Date: Wed, 4 Mar 2026 09:00:00 +0100",
      "Content-Type: text/plain; charset=iso-8859-1",
      "Content-Transfer-Encoding: base64",
      "",
      body,
      "",
    ].join("\n");
    const conversation = parsed(parseConversation("export.eml", encode(latin)));
    expect(turns(conversation)).toEqual([["Claire Dubois", "Bonjour, l'export Excel fonctionne déjà."]]);
    expect(conversation.occurredAt?.toISOString()).toBe("2026-03-04T08:00:00.000Z");
  });

  it("reads a pasted Outlook thread once per message, oldest first, without the quoted copies", () => {
    const thread = `From: Tom Baker <tom@acme-logistics.com>
Sent: Tuesday, March 3, 2026 10:15 AM
To: Chen, Maya <maya@vendor.com>
Subject: RE: SSO

Perfect, thanks. Does that include SCIM provisioning?

Tom

-----Original Message-----
From: Chen, Maya <maya@vendor.com>
Sent: Monday, March 2, 2026 4:02 PM
To: Tom Baker <tom@acme-logistics.com>
Subject: SSO

Hi Tom,

Yes, we support SAML SSO with Okta and Entra ID.
SCIM is planned for later this year.

Maya Chen
Account Executive

On Mon, Mar 2, 2026 at 3:40 PM Tom Baker <tom@acme-logistics.com> wrote:
> Do you support SSO with Okta?
`;
    const conversation = parsed(parseConversationText(thread));
    expect(conversation.format).toBe("EMAIL");
    expect(conversation.title).toBe("RE: SSO");
    expect(conversation.occurredAt?.toISOString()).toBe("2026-03-03T10:15:00.000Z");
    expect(turns(conversation)).toEqual([
      ["Tom Baker", "Do you support SSO with Okta?"],
      ["Chen, Maya", "Hi Tom,"],
      ["Chen, Maya", "Yes, we support SAML SSO with Okta and Entra ID. SCIM is planned for later this year."],
      ["Chen, Maya", "Maya Chen Account Executive"],
      ["Tom Baker", "Perfect, thanks. Does that include SCIM provisioning?"],
      ["Tom Baker", "Tom"],
    ]);
  });

  it.each<[string, string, string | undefined, [string, string][]]>([
    [
      "keeps a message that is both pasted and quoted only once",
      `From: Maya Chen <maya@vendor.com>
Sent: Monday, March 2, 2026 4:30 PM
Subject: Re: Exports

Yes, xlsx and csv.

On Mon, Mar 2, 2026 at 4:10 PM Tom Baker <tom@acme-logistics.com> wrote:
> Which formats
> do you export?

From: Tom Baker <tom@acme-logistics.com>
Sent: Monday, March 2, 2026 4:10 PM
Subject: Exports

Which formats do you export?
`,
      undefined,
      [
        ["Tom Baker", "Which formats do you export?"],
        ["Maya Chen", "Yes, xlsx and csv."],
      ],
    ],
    [
      "reads Gmail's wrapped attribution line and quotes nested inside quotes",
      `From: Tom Baker <tom@acme-logistics.com>
Subject: Re: Exports
Date: Tue, 3 Mar 2026 10:15:00 +0000

Ok, great.

On Mon, Mar 2, 2026 at 4:02 PM Maya Chen <
maya@vendor.com> wrote:

> We support xls.
>
> On Mon, Mar 2, 2026 at 3:00 PM Tom Baker <tom@acme-logistics.com> wrote:
>> Do you support xls?
`,
      undefined,
      [
        ["Tom Baker", "Do you support xls?"],
        ["Maya Chen", "We support xls."],
        ["Tom Baker", "Ok, great."],
      ],
    ],
    [
      "gives an inline reply's answers to the replier and the quoted questions to their writer",
      `From: Maya Chen <maya@vendor.com>
Subject: Re: Questions

Tom Baker wrote:
> 1. Do you export xls?
Only xlsx.
> 2. SSO?
Yes, SAML.

-- 
Maya Chen | Account Executive
`,
      undefined,
      [
        ["Tom Baker", "Do you export xls?"],
        ["Tom Baker", "SSO?"],
        ["Maya Chen", "Only xlsx."],
        ["Maya Chen", "Yes, SAML."],
      ],
    ],
    [
      "reads an HTML-only email without the quoted earlier message",
      `From: Maya Chen <maya@vendor.com>
Subject: Exports
Content-Type: text/html; charset=utf-8

<html><head><style>p { margin: 0 }</style></head><body><p>We support&nbsp;xlsx &amp; csv.</p><div class="gmail_quote"><blockquote>Do you support xls?</blockquote></div></body></html>
`,
      "exports.eml",
      [["Maya Chen", "We support xlsx & csv."]],
    ],
  ])("%s", (_name, text, fileName, expected) => {
    expect(turns(parsed(parseConversationText(text, fileName)))).toEqual(expected);
  });

  it("names the sender of a quote that gives only an address by the name the thread uses for it", () => {
    const reply = `From: Tom Baker <tom@acme-logistics.com>
To: Maya Chen <maya@vendor.com>
Subject: Re: Pricing
Date: Thu, 5 Mar 2026 08:00:00 -0500

Thanks.

On 04/03/2026 17:02, maya@vendor.com wrote:
> The API is included.
> -- 
> Maya Chen, Vendor Inc.
`;
    const conversation = parsed(parseConversationText(reply, "pricing.eml"));
    expect(turns(conversation)).toEqual([
      ["maya@vendor.com", "The API is included."],
      ["Tom Baker", "Thanks."],
    ]);
    expect(conversation.occurredAt?.toISOString()).toBe("2026-03-05T13:00:00.000Z");
  });
});

describe("files Candor refuses", () => {
  it("refuses an empty file and empty pasted text", () => {
    expect(parseConversation("call.vtt", new Uint8Array())).toEqual({
      ok: false,
      problem: CONVERSATION_PROBLEMS.emptyFile,
    });
    expect(parseConversationText("  \n\n ")).toEqual({ ok: false, problem: CONVERSATION_PROBLEMS.emptyText });
  });

  it("refuses a file over the size limit", () => {
    const big = new Uint8Array(CONVERSATION_MAX_BYTES + 1).fill(0x61);
    expect(parseConversation("long.txt", big)).toEqual({ ok: false, problem: CONVERSATION_PROBLEMS.tooLarge });
    expect(CONVERSATION_MAX_BYTES).toBe(2 * 1024 * 1024);
  });

  it("asks for UTF-8 when the file is UTF-16, with or without a byte-order mark", () => {
    const text = "Maya: Hello\nTom: Hi\n";
    const utf16 = new Uint8Array(text.length * 2);
    [...text].forEach((char, index) => (utf16[index * 2] = char.charCodeAt(0)));
    expect(parseConversation("call.txt", utf16)).toEqual({ ok: false, problem: CONVERSATION_PROBLEMS.utf16 });
    expect(parseConversation("call.txt", Uint8Array.from([0xff, 0xfe, ...utf16]))).toEqual({
      ok: false,
      problem: CONVERSATION_PROBLEMS.utf16,
    });
    expect(CONVERSATION_PROBLEMS.utf16).toMatch(/save it as UTF-8/);
  });

  it("says a PDF, a zip, an image or other binary data is not a transcript", () => {
    const pdf = parseConversation("call.pdf", encode("%PDF-1.7\n%âãÏÓ\n1 0 obj"));
    expect(pdf).toEqual({
      ok: false,
      problem: expect.stringMatching(/^This file is not a transcript or an email: it looks like a PDF\./),
    });
    const zip = parseConversation("call.docx", Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]));
    expect(zip.ok ? "" : zip.problem).toMatch(/Word document/);
    const png = parseConversation("screenshot.png", Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.ok ? "" : png.problem).toMatch(/PNG image/);
    expect(parseConversation("call.txt", Uint8Array.from([0x4d, 0x61, 0x79, 0x61, 0x3a, 0x20, 0xc3, 0x28]))).toEqual({
      ok: false,
      problem: CONVERSATION_PROBLEMS.notText,
    });
    expect(parseConversation("data.bin", Uint8Array.from([0x4d, 0x61, 0x01, 0x02, 0x03, 0x61]))).toEqual({
      ok: false,
      problem: CONVERSATION_PROBLEMS.notText,
    });
    expect(CONVERSATION_PROBLEMS.notText).toMatch(/^This file is not a transcript or an email/);
  });
});

describe("toSentences", () => {
  const conversation = (utterances: { speaker: string; text: string; startMs?: number }[]): ParsedConversation => ({
    format: "TEXT",
    title: "",
    occurredAt: null,
    speakers: [],
    utterances: utterances.map((utterance) => ({ startMs: null, ...utterance })),
    wordCount: 0,
  });

  it("splits each speaker's words into sentences numbered in order, keeping abbreviations and versions whole", () => {
    const sentences = toSentences(
      conversation([
        {
          speaker: "Maya",
          text: "We export spreadsheets, e.g. xlsx and csv. Version v2.1 added Excel 2007. Older versions are not supported!",
          startMs: 4000,
        },
        { speaker: "Tom", text: "Really? Even for Dr. Ortiz at Acme Inc. and his team" },
        {
          speaker: "Maya",
          text: "We have... some limits. The U.S. region ships first, i.e. in March. Ask Maya J. Chen about No. 5 etc. and more",
        },
      ]),
    );
    expect(sentences.map(({ position, speaker, text }) => [position, speaker, text])).toEqual([
      [0, "Maya", "We export spreadsheets, e.g. xlsx and csv."],
      [1, "Maya", "Version v2.1 added Excel 2007."],
      [2, "Maya", "Older versions are not supported!"],
      [3, "Tom", "Really?"],
      [4, "Tom", "Even for Dr. Ortiz at Acme Inc. and his team"],
      [5, "Maya", "We have... some limits."],
      [6, "Maya", "The U.S. region ships first, i.e. in March."],
      [7, "Maya", "Ask Maya J. Chen about No. 5 etc. and more"],
    ]);
    expect(sentences[1]?.startMs).toBe(4000);
    expect(sentences[3]?.startMs).toBeNull();
  });
});

describe("suggestSalespersonSpeaker", () => {
  const owner = { name: "Maya Chen", email: "maya.chen@vendor.com" };

  it("finds the deal owner however the meeting tool wrote the name", () => {
    expect(suggestSalespersonSpeaker(["Tom Baker", "Maya Chen"], owner)).toBe("Maya Chen");
    expect(suggestSalespersonSpeaker(["Tom Baker (Acme)", "Maya Chen (Vendor)"], owner)).toBe("Maya Chen (Vendor)");
    expect(suggestSalespersonSpeaker(["Baker, Tom", "Chen, Maya"], owner)).toBe("Chen, Maya");
    expect(suggestSalespersonSpeaker(["Tom", "Maya"], owner)).toBe("Maya");
    expect(suggestSalespersonSpeaker(["Tom B.", "Maya C."], owner)).toBe("Maya C.");
    expect(suggestSalespersonSpeaker(["tom@acme-logistics.com", "maya.chen@vendor.com"], owner)).toBe(
      "maya.chen@vendor.com",
    );
    expect(suggestSalespersonSpeaker(["Tom", "maya.chen"], owner)).toBe("maya.chen");
    expect(suggestSalespersonSpeaker(["Tom Baker", "Mayá Chén"], owner)).toBe("Mayá Chén");
  });

  it("prefers the full name over a first name that another person shares", () => {
    expect(suggestSalespersonSpeaker(["Maya", "Maya Chen", "Tom"], owner)).toBe("Maya Chen");
  });

  it("suggests nobody when no speaker fits or two fit equally", () => {
    expect(suggestSalespersonSpeaker(["SPEAKER 1", "SPEAKER 2"], owner)).toBeNull();
    expect(suggestSalespersonSpeaker(["Tom Baker", "Priya Shah"], owner)).toBeNull();
    expect(suggestSalespersonSpeaker(["Maya Patel", "Maya Lopez"], owner)).toBeNull();
    expect(suggestSalespersonSpeaker(["Maya Chen (Vendor)", "Maya Chen (Acme)"], owner)).toBeNull();
    expect(suggestSalespersonSpeaker([], owner)).toBeNull();
  });
});
