// The fields of a user that alerts need: the acting-user shape (for presentNeed) and the language.
export const recipientSelect = { id: true, role: true, organisationId: true, isOrgAdmin: true, email: true, name: true, locale: true, brokerPortfolio: { select: { regions: true, chainIds: true } } } as const;
