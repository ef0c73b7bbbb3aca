// The API families, shared by the HTTP layer (each answers in its own envelope)
// and the log (events record which family a request came through). It lives
// here, below both, so that events never import the HTTP layer.

/** The API family a request came through ("A" Dium, "B" Users, "C" Auth, "D" Registration, "E" Products). */
export type Family = 'A' | 'B' | 'C' | 'D' | 'E';
