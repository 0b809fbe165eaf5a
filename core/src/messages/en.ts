/**
 * Every sentence SkillSwap says to a person, in English (the default locale).
 * `{name}` placeholders are filled by `translate`. Keys are stable: adapters and tests refer to them.
 */
export const en = {
  "error.invalid": "Some of what you entered needs fixing: {fields}.",
  "error.not_found": "That could not be found.",
  "error.forbidden": "You are not allowed to do that.",
  "error.rate_limited": "Slow down a little — try again in a moment.",
  "error.unavailable": "SkillSwap cannot reach one of its services right now. Nothing was lost; try again shortly.",

  "field.required": "This is required.",
  "field.too_long": "Keep it to {max} characters or fewer.",
  "field.too_short": "Use at least {min} characters.",
  "field.invalid": "This value is not valid.",
  "field.handle_format": "Use 3–30 letters, digits, '_' or '-', starting with a letter or digit.",
  "field.time_zone": "Use an IANA time zone such as Europe/Paris or America/New_York.",
  "field.email": "Enter a valid email address.",
  "field.password": "Use at least 10 characters for your password.",
  "field.level": "Level goes from 1 (beginner) to 5 (expert).",
  "field.slot": "Each slot needs a weekday and a start before its end, within one day (e.g. Tue 18:00–20:00).",
  "field.city_unknown": "We could not find a city called “{query}”. Try adding the country, like “Paris, FR”.",
  "field.city_ambiguous": "Several places are called “{query}”: {candidates}. Add the country or region.",
  "field.language": "Use language codes such as en, es or pt-BR.",

  "user.not_found": "There is no SkillSwap profile called {handle}.",
  "user.deleted": "That account has been deleted.",
  "profile.hidden": "This profile is private.",
  "profile.handle_taken": "The handle {handle} is already taken.",
  "profile.not_yours": "You can only change your own profile.",
  "account.email_taken": "An account with that email already exists.",
  "account.identity_taken": "That {provider} account is already linked to another SkillSwap profile.",
  "account.bad_credentials": "That email and password do not match.",

  "skill.not_found": "We do not know the skill “{name}” yet. You can propose it as a new skill.",
  "skill.pending": "“{name}” was proposed and waits for a community admin to approve it.",
  "skill.already_listed": "You already {direction} {name}.",
  "skill.limit_reached": "You can list at most {max} skills. Remove one before adding another.",
  "skill.not_yours": "You can only change your own skills.",
  "skill.user_skill_not_found": "That skill is not on your profile.",
  "skill.exists": "“{name}” is already in the catalog.",
  "skill.not_pending": "That skill is not waiting for approval.",
  "skill.admin_only": "Only an admin of that community can approve or reject proposed skills.",

  "user.deleted_name": "a deleted user",

  "match.teaches_you": "teaches you {skill} (level {level})",
  "match.wants_yours": "wants your {skill}",
  "match.both_free": "both free {slot}",
  "match.flexible": "flexible schedule",
  "match.no_shared_time": "no shared time yet",
  "match.online": "online",
  "match.km_away": "{km} km away",
  "match.same_city": "same city",
  "match.cycle_link": "{teacher} teaches {learner} {skill}",
  "match.cycle_you_teach": "you teach {learner} {skill}",
} as const;
