// The optional fields an owner may add to a confidential need's public teaser (Need.teaserFields).
// Title, teaser text, industry chain node and technology field are always in the teaser.
// One list for the form, the API schema, presentNeed and the search documents. Pure.
export const OPTIONAL_TEASER_FIELDS = ["trlTarget", "budget", "region", "collaborationModes"] as const;
export type TeaserField = (typeof OPTIONAL_TEASER_FIELDS)[number];
