/** Country names people type after a city ("Paris, France"), normalised, to ISO 3166-1 alpha-2. */
export const countryCodes: ReadonlyMap<string, string> = new Map([
  ["united states", "US"], ["usa", "US"], ["united states of america", "US"], ["america", "US"],
  ["united kingdom", "GB"], ["uk", "GB"], ["great britain", "GB"], ["england", "GB"], ["scotland", "GB"], ["wales", "GB"],
  ["france", "FR"], ["germany", "DE"], ["deutschland", "DE"], ["spain", "ES"], ["espana", "ES"], ["italy", "IT"], ["italia", "IT"],
  ["portugal", "PT"], ["netherlands", "NL"], ["the netherlands", "NL"], ["holland", "NL"], ["belgium", "BE"], ["switzerland", "CH"],
  ["austria", "AT"], ["ireland", "IE"], ["denmark", "DK"], ["sweden", "SE"], ["norway", "NO"], ["finland", "FI"], ["iceland", "IS"],
  ["poland", "PL"], ["czechia", "CZ"], ["czech republic", "CZ"], ["hungary", "HU"], ["romania", "RO"], ["greece", "GR"],
  ["turkey", "TR"], ["turkiye", "TR"], ["ukraine", "UA"], ["russia", "RU"], ["canada", "CA"], ["mexico", "MX"], ["brazil", "BR"],
  ["brasil", "BR"], ["argentina", "AR"], ["chile", "CL"], ["colombia", "CO"], ["peru", "PE"], ["japan", "JP"], ["china", "CN"],
  ["south korea", "KR"], ["korea", "KR"], ["india", "IN"], ["indonesia", "ID"], ["philippines", "PH"], ["vietnam", "VN"],
  ["thailand", "TH"], ["singapore", "SG"], ["malaysia", "MY"], ["australia", "AU"], ["new zealand", "NZ"], ["south africa", "ZA"],
  ["nigeria", "NG"], ["kenya", "KE"], ["egypt", "EG"], ["morocco", "MA"], ["israel", "IL"], ["united arab emirates", "AE"],
  ["uae", "AE"], ["saudi arabia", "SA"], ["pakistan", "PK"], ["bangladesh", "BD"], ["taiwan", "TW"], ["hong kong", "HK"],
]);
