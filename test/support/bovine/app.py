# bovine-herd (PyPI, an ActivityPub server written independently of Guildhall) as a Quart app, for
# test/integration/bovine-interop.test.ts. Started with:
#   BOVINE_DB_URL=sqlite:///abs/path.sqlite3 BUTCHER_ALLOW_HTTP=1 hypercorn --bind 127.0.0.1:PORT app:app
import logging, os
from bovine.jsonld import jsonld_cache

# bovine fetches three JSON-LD contexts from the internet once; this machine may have none, so they are
# cached (empty) before it starts: it never needs their terms to store or deliver.
for url in ("https://w3id.org/security/v1", "https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"):
    if jsonld_cache.retrieve(url) is None:
        jsonld_cache.add(url, [])
# A Guildhall opening's Note carries its JobPosting under schema.org's context, which pyld cannot expand
# from an empty one (it fails on the Create): cached as a bare vocabulary, as Guildhall's own document
# loader answers it (adapters/activitypub/document-loader.ts), since this machine may not reach schema.org.
for url in ("https://schema.org", "https://schema.org/"):
    if jsonld_cache.retrieve(url) is None:
        jsonld_cache.add(url, {"@vocab": "https://schema.org/"})

from quart import Quart
from bovine_herd import BovineHerd

logging.basicConfig(level=logging.INFO)
app = Quart(__name__)
BovineHerd(app, db_url=os.environ["BOVINE_DB_URL"])
