# Waits, at most TIMEOUT seconds, for an activity of TYPE whose object is OBJECT_ID to reach a bovine
# actor's inbox (bovine keeps only what arrived signed by a key it could verify). Prints one JSON line:
# {"found": the activity or null, "inbox": [types of what reached the inbox]}.
# usage: python inbox.py http://127.0.0.1:PORT SECRET TYPE OBJECT_ID TIMEOUT
import asyncio, json, sys, time
from bovine import BovineClient


async def main(base, secret, kind, object_id, timeout):
    async with BovineClient(domain=base, secret=secret) as client:
        deadline = time.monotonic() + float(timeout)
        found, types = None, []
        while True:
            inbox = await client.get(client.information["inbox"])
            types = []
            for item in inbox.get("orderedItems", []):
                item = item if isinstance(item, dict) else await client.proxy(item)
                types.append(item.get("type"))
                target = item.get("object")
                target = target.get("id") if isinstance(target, dict) else target
                if item.get("type") == kind and target == object_id:
                    found = item
            if found or time.monotonic() >= deadline:
                break
            await asyncio.sleep(0.25)
        print(json.dumps({"found": found, "inbox": types}))


asyncio.run(main(*sys.argv[1:6]))
