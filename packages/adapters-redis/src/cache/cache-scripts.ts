import { LuaScript } from '../fail-open/lua-script.js';

/**
 * Writes one entry, stamped with the current cache generation, and files its key in the set
 * of each of its tags, all atomically. KEYS: generation, entry, tag sets…; ARGV: JSON, TTL
 * seconds, a fresh generation to start with when none exists (first use, or Redis lost it).
 * A tag set lives at least as long as its longest-lived entry.
 */
export const setEntryScript = new LuaScript(`
local generation = redis.call('GET', KEYS[1])
if not generation then
  redis.call('SET', KEYS[1], ARGV[3], 'NX')
  generation = redis.call('GET', KEYS[1])
end
local ttl = tonumber(ARGV[2])
redis.call('SET', KEYS[2], generation .. '|' .. ARGV[1], 'EX', ttl)
for i = 3, #KEYS do
  redis.call('SADD', KEYS[i], KEYS[2])
  if redis.call('TTL', KEYS[i]) < ttl then redis.call('EXPIRE', KEYS[i], ttl) end
end
return generation
`);

/**
 * Removes every entry filed under the given tag sets, and the sets, atomically: no reader
 * sees half an invalidation, and no KEYS or SCAN is needed. Members go in batches because
 * Lua's unpack has a stack limit. KEYS: tag sets. Returns the entry keys it was filed under
 * (the caller's local tier forgets them at once; other processes hear of it from Redis).
 */
export const invalidateTagsScript = new LuaScript(`
local removed = {}
for i = 1, #KEYS do
  local members = redis.call('SMEMBERS', KEYS[i])
  for start = 1, #members, 500 do
    local stop = math.min(start + 499, #members)
    redis.call('UNLINK', unpack(members, start, stop))
  end
  for _, member in ipairs(members) do removed[#removed + 1] = member end
  redis.call('UNLINK', KEYS[i])
end
return removed
`);
