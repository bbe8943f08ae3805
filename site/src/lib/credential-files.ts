// The files of a shared credential, beside its page: the signed credential (.jwt) and the two badge
// images with it baked in. Public like the page; an id that is not a shared credential is a 404.
import { NotFoundError } from '#domain/errors.ts';
import { bakedBadge, getPublicCredential } from '#domain/learning/public-credential.ts';
import { getServices } from './services.ts';

export type CredentialFile = 'jwt' | 'svg' | 'png';

const types: Record<CredentialFile, string> = {
  jwt: 'application/vc+jwt',
  svg: 'image/svg+xml; charset=utf-8',
  png: 'image/png',
};

export async function credentialFile(id: string, kind: CredentialFile): Promise<Response> {
  let body: string | Uint8Array<ArrayBuffer>;
  try {
    const credential = await getPublicCredential(getServices(), id);
    body =
      kind === 'jwt' ? credential.jws : kind === 'svg' ? bakedBadge(credential, 'svg') : bakedBadge(credential, 'png');
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    return new Response('No such credential.', {
      status: 404,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  }
  const name = kind === 'jwt' ? `guildhall-${id}.jwt` : `guildhall-${id}.${kind}`;
  return new Response(body, {
    headers: {
      'content-type': types[kind],
      // Inline, so the page can show the SVG; the page's links carry `download` to save it.
      'content-disposition': `${kind === 'jwt' ? 'attachment' : 'inline'}; filename="${name}"`,
      'cache-control': 'public, max-age=300',
    },
  });
}
