// The Redis adapter's atomic steps, each one Lua script: Redis runs a script alone, so the check
// of what is stored, the write, the audit entry (with the next id) and the notice to the other
// replicas happen together or not at all. The JSON is made by the caller; a script compares and
// moves strings and never re-encodes them (Redis's cjson cannot tell [] from {}).

/** Appends the audit entry ARGV[a] (a JSON object without its id) with the next id. */
const AUDIT = (auditKey: string, seqKey: string, json: string) => `
local id = redis.call('INCR', ${seqKey})
redis.call('ZADD', ${auditKey}, id, '{"id":' .. id .. ',' .. string.sub(${json}, 2))`;

/**
 * A versioned change of one hash field, compared by its whole stored string (the caller read it
 * and checked the version). KEYS: item hash, audit, audit seq, wall-link tokens, wall-link uses.
 * ARGV: field, expected string ('' = absent), next string ('' = delete), audit JSON, channel,
 * notice, token hash to drop with a deleted wall link ('' = none).
 * Returns 1, or 0 when the stored string is no longer the expected one.
 */
export const CHANGE = `
local cur = redis.call('HGET', KEYS[1], ARGV[1])
if (cur or '') ~= ARGV[2] then return 0 end
if ARGV[3] == '' then redis.call('HDEL', KEYS[1], ARGV[1])
else redis.call('HSET', KEYS[1], ARGV[1], ARGV[3]) end
if ARGV[7] ~= '' then
  redis.call('HDEL', KEYS[4], ARGV[7])
  redis.call('HDEL', KEYS[5], ARGV[1])
end
${AUDIT('KEYS[2]', 'KEYS[3]', 'ARGV[4]')}
redis.call('PUBLISH', ARGV[5], ARGV[6])
return 1`;

/**
 * A new wall link. KEYS: wall links, tokens, audit, audit seq. ARGV: id, stored link, token
 * hash, audit JSON. Returns 1, or 0 when the id or the token hash is taken.
 */
export const CREATE_WALL_LINK = `
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then return 0 end
if redis.call('HSETNX', KEYS[2], ARGV[3], ARGV[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
${AUDIT('KEYS[3]', 'KEYS[4]', 'ARGV[4]')}
return 1`;

/**
 * The link a token hash opens, noting its use. KEYS: tokens, wall links, uses. ARGV: token
 * hash, time. Returns the stored link, or nil.
 */
export const USE_WALL_LINK = `
local id = redis.call('HGET', KEYS[1], ARGV[1])
if not id then return false end
local link = redis.call('HGET', KEYS[2], id)
if not link then return false end
redis.call('HSET', KEYS[3], id, ARGV[2])
return link`;

/**
 * Seeding: site limits when none are stored; each reason whose code was never seeded, unless an
 * admin named it first. KEYS: site limits, reasons, seeded, audit, audit seq. ARGV: stored site
 * limits, the audit JSON up to its "after" value, channel, notice, then code and stored reason
 * pairs. Returns {1 when site limits were added else 0, the codes added}.
 */
export const SEED = `
local site = false
if redis.call('HEXISTS', KEYS[1], 'site') == 0 then
  redis.call('HSET', KEYS[1], 'site', ARGV[1])
  redis.call('SADD', KEYS[3], 'site-limits:site')
  site = true
end
local codes, stored = {}, {}
for i = 5, #ARGV, 2 do
  if redis.call('SADD', KEYS[3], 'reason:' .. ARGV[i]) == 1
    and redis.call('HSETNX', KEYS[2], ARGV[i], ARGV[i + 1]) == 1 then
    codes[#codes + 1] = ARGV[i]
    stored[#stored + 1] = ARGV[i + 1]
  end
end
if site or #codes > 0 then
  local after = '{"siteLimits":' .. (site and ARGV[1] or 'null') ..
    ',"reasons":[' .. table.concat(stored, ',') .. ']}'
  local entry = ARGV[2] .. after .. '}'
  ${AUDIT('KEYS[4]', 'KEYS[5]', 'entry')}
  redis.call('PUBLISH', ARGV[3], ARGV[4])
end
return {site and 1 or 0, codes}`;
