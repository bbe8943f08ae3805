# Has a bovine actor follow a remote actor (bovine signs and delivers the Follow), then waits, at most
# TIMEOUT seconds, for the follow to be recorded: bovine adds the remote actor to its `following`
# only once that actor's Accept has reached its inbox and verified. Prints one JSON line:
# {"outbox_status", "following", "inbox": [types of what reached the inbox]}.
# usage: python follow.py http://127.0.0.1:PORT SECRET ACTOR_ID TIMEOUT
import asyncio, json, sys, time
from bovine import BovineClient


async def main(base, secret, target, timeout):
    async with BovineClient(domain=base, secret=secret) as client:
        follow = client.activity_factory.follow(target).build()
        response = await client.send_to_outbox(follow)
        deadline = time.monotonic() + float(timeout)
        following = []
        while time.monotonic() < deadline:
            following = (await client.get(client.information["following"])).get("orderedItems", [])
            if target in following:
                break
            await asyncio.sleep(0.25)
        inbox = await client.get(client.information["inbox"])
        types = []
        for item in inbox.get("orderedItems", []):
            item = item if isinstance(item, dict) else await client.proxy(item)
            types.append(item.get("type"))
        print(json.dumps({"outbox_status": response.status, "following": following, "inbox": types}))


asyncio.run(main(*sys.argv[1:5]))
