# Makes bovine's tables and one actor, and prints {"actor_id", "secret"} as JSON: the secret is the
# actor's client key (Moo-Auth-1), with which follow.py acts as that actor.
# usage: BOVINE_DB_URL=... python provision.py http://127.0.0.1:PORT handle
import asyncio, json, os, sys
from tortoise import Tortoise
from bovine_store import bovine_admin_store
from bovine.crypto import generate_ed25519_private_key, private_key_to_did_key


async def main(base, handle):
    async with bovine_admin_store(db_url=os.environ["BOVINE_DB_URL"], domain=base) as store:
        await Tortoise.generate_schemas()
        name = await store.register(handle)
        secret = generate_ed25519_private_key()
        await store.add_identity_string_to_actor(name, "client", private_key_to_did_key(secret))
        actor = await store.actor_for_name(name)
        print(json.dumps({"actor_id": actor.actor_id, "secret": secret}))


asyncio.run(main(sys.argv[1], sys.argv[2]))
