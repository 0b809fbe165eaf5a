/**
 * Free text (skill names, a city) carried in a custom_id: the id's separator ":" and the escape "%" itself are
 * percent-encoded, everything else stays readable and short — the whole id must fit in 100 characters.
 */
export const packText = (text: string): string => text.replace(/%/g, "%25").replace(/:/g, "%3A");

export const unpackText = (packed: string): string => packed.replace(/%3A/g, ":").replace(/%25/g, "%");
