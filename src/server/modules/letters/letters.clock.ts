// The time the letter services act at; tests move it to check deadlines without sleeping.
export const clock = {
  now: (): Date => new Date(),
};
