// The board's search as a form carries it (hidden fields of "Save this search"), read into the shape
// of the API's body: the command's schema then checks each field as it checks the API's.
const keys = ['q', 'skill', 'trade', 'place', 'payUnit', 'sort', 'kind', 'course'] as const;

export function savedQueryFromForm(form: FormData): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  for (const key of keys) {
    const value = String(form.get(key) ?? '').trim();
    if (value) query[key] = value;
  }
  const remote = String(form.get('remote') ?? '');
  if (remote === 'true' || remote === 'false') query.remote = remote === 'true';
  else if (remote) query.remote = remote;
  return query;
}
