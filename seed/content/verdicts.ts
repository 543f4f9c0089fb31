// The words engineers, managers and customers write around a claim. {level}, {conditions} and
// {title} are filled from the matrix row in force on the day of the claim.

export const VERDICT_NOTES = {
  ACCURATE: [
    "Matches the matrix and the docs.",
    "Checked against the current release; correct.",
    "Correct, and the limitation was mentioned.",
    "Accurate. Good answer.",
  ],
  PARTIALLY_ACCURATE: [
    "Right in general, but the limitation was left out: {conditions}.",
    "Half right: {title} is {level}. The customer should hear the conditions.",
    "Mostly correct; please mention '{conditions}' next time.",
  ],
  INACCURATE: [
    "Not true: {title} is {level} ({conditions}).",
    "Incorrect. Engineering says {level}. The customer needs a correction.",
    "This promises more than we ship. {title} is {level}.",
    "Wrong: {conditions}.",
  ],
  UNVERIFIABLE: ["Could not confirm what was said; no recording or email.", "The statement is too vague to verify."],
} as const;

/** Verdicts on claims the matrix has no row for; {level} is what engineering confirmed. */
export const OFF_MATRIX_NOTES = {
  ACCURATE: [
    "Checked with the product team: correct. The matrix has no row for this yet.",
    "Correct; confirmed against the docs.",
  ],
  PARTIALLY_ACCURATE: ["Only partly true: engineering says this is {level}.", "Overstated a little: this is {level}."],
  INACCURATE: [
    "Not true: engineering says this is {level}.",
    "Incorrect; this is {level}. Please correct it with the customer.",
  ],
  UNVERIFIABLE: ["Could not confirm what was said; no recording or email."],
} as const;

export const UNDERSTATED_NOTES: readonly string[] = [
  "We actually do better than this: {title} is {level}. Low impact, but we may lose deals.",
  "Undersold: {title} is {level} ({conditions}).",
];

export const DISPUTE_REASONS: readonly string[] = [
  "I did mention the limitation; it is in my follow-up email.",
  "The customer only needed the part that works, so this was accurate for them.",
  "The matrix row changed the week after; I was told this by the product manager.",
  "The verifier misread the call notes.",
  "I said it was planned, not that it was available.",
];

export const DISPUTE_RESOLUTIONS = {
  UPHELD: [
    "Listened to the recording: the limitation was not mentioned. Verdict stands.",
    "The follow-up email does not correct the claim. Verdict stands.",
    "Upheld; the matrix was clear on the day.",
  ],
  OVERTURNED: [
    "The follow-up email states the limitation. Changed to partially accurate.",
    "Agreed with the salesperson after reviewing the recording.",
  ],
} as const;

/** What customers liked least, six months in. {title} is a capability they were sold on. */
/** What customers liked least, six months in. {title} is a capability they were sold on. */
export const LEAST_LIKED = {
  happy: [
    "Honestly not much. Onboarding took a week longer than planned.",
    "{title} has a few rough edges, nothing serious.",
    "The admin settings are spread over too many pages.",
    "Nothing major; we'd like more training material.",
    "",
  ],
  mixed: [
    "{title} works, but with more limits than we expected.",
    "{title} took longer to set up than we were told.",
    "Support response times at month end.",
    "Reporting needed more setup than the demo suggested.",
  ],
  unhappy: [
    "We were told {title} would just work. It doesn't, and nobody mentioned the limits.",
    "{title} was a key reason we bought. It's not what we were promised.",
    "The sales process over-promised; the product under-delivered.",
    "{title} doesn't work the way it was demoed to us. We only found out after signing.",
    "We had to buy a second tool because {title} doesn't do what we were told.",
  ],
} as const;

export const ENGINEER_QUESTIONS: readonly string[] = [
  'Can I tell a customer "you can {action}"? What exactly should I say?',
  'Prospect in an RFP wants to hear "you can {action}". Is that true, and which limits must I mention?',
  'Before I promise "you can {action}": anything I should know?',
  'Is it safe to put "you can {action}" in the contract?',
];

export const ENGINEER_ANSWERS: readonly string[] = [
  "{level}. {conditions} Docs: {docsUrl}",
  "Short answer: {level}. Please mention the conditions: {conditions}",
  "{level} today. Don't put it in the contract without the limitation: {conditions}",
];
