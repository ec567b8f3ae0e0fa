/**
 * What erasure leaves of a candidate file: enough for statistics (organisation, rung, route,
 * werksoort wishes, hours and days, travel mode, language level, PC4 area, dates to the month),
 * nothing that points back to the person. Irreversible: the old values are not kept anywhere.
 *
 * - free text (interests) and certificates are blanked; the pseudonym is replaced, because it may
 *   have been written down outside Werkbrug
 * - postcode keeps its PC4 with the fixed letters AA (the column's CHECK wants letters), place and
 *   coordinates become those of the PC4 area (coordinates rounded to ~1 km when the area is unknown)
 * - functional abilities and support needs can reveal health or disability: reset to the neutral 0 /
 *   false (the columns are NOT NULL); erased_at tells statistics to ignore them
 * - the werkmakelaar link is dropped; dates are truncated to the first of the month
 */
export const ANONYMISE_CANDIDATE = `
  UPDATE candidates c SET
    pseudonym = 'X-' || substr(md5(gen_random_uuid()::text), 1, 12),
    werkmakelaar_id = NULL,
    interests = '',
    certificates = '{}',
    postcode = left(c.postcode, 4) || 'AA',
    place = coalesce((SELECT a.place FROM postcode_areas a WHERE a.pc4 = left(c.postcode, 4)), ''),
    lat = coalesce((SELECT a.lat FROM postcode_areas a WHERE a.pc4 = left(c.postcode, 4)),
                   round(c.lat::numeric, 2)::double precision),
    lng = coalesce((SELECT a.lng FROM postcode_areas a WHERE a.pc4 = left(c.postcode, 4)),
                   round(c.lng::numeric, 2)::double precision),
    max_travel_km = NULL,
    max_travel_minutes = NULL,
    arrangements = NULL,
    ability_lifting = 0, ability_standing = 0, ability_pace = 0, ability_stimuli = 0, ability_outdoor = 0,
    needs_jobcoach = false, needs_buddy = false, needs_wheelchair_access = false,
    ladder_measured_on = date_trunc('month', c.ladder_measured_on)::date,
    trajectory_ended_on = date_trunc('month', c.trajectory_ended_on)::date,
    created_at = date_trunc('month', c.created_at),
    erased_at = now(), updated_at = now(), version = c.version + 1
  WHERE c.id = $1 AND c.erased_at IS NULL`;

/**
 * The candidate's own accounts: deactivated, with e-mail and name replaced and a password hash no
 * password can match. The rows stay because audit lines name their ids as actors.
 */
export const DEACTIVATE_CANDIDATE_ACCOUNTS = `
  UPDATE users SET
    active = false,
    email = 'gewist-' || id || '@werkbrug.invalid',
    display_name = 'Gewist account',
    password_hash = '!erased',
    updated_at = now(), version = version + 1
  WHERE candidate_id = $1
  RETURNING id`;
