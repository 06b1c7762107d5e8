-- Issue 9: responder free text (notes, rationales, the assignee, ...) arrives sealed with its incident's key and is
-- stored as it comes: ciphertext at rest, opened only when an answer is given, with the key read from the workflow's
-- key store. An erasure destroys the key there, and every copy here (these tables, a rebuild's, the replaced_*
-- schemas) reads as [erased] at once, without any rewrite.

ALTER TABLE incident_view
    -- The keyed hash of the assignee (ResponderAssigned revision 2): ?assignee= matches it without opening the sealed
    -- name, also after an erasure. NULL for assignments written before revision 2, which carry the name in plain.
    ADD COLUMN assignee_tag   text,
    -- When the incident's personal data was erased and on which ground (PersonalDataErased); NULL until it is.
    ADD COLUMN erased_at      timestamptz,
    ADD COLUMN erasure_ground text;

-- GET /api/incidents?assignee=... (the plain assignee keeps its own index for assignments before revision 2)
CREATE INDEX incident_view_assignee_tag_idx ON incident_view (assignee_tag) WHERE assignee_tag IS NOT NULL;

-- The timeline's sentence ("Assigned to X by Y") is composed when it is read, from the stored event with its texts
-- opened: a sentence composed at projection time would bake a sealed text into other words, where no reader opens it.
ALTER TABLE incident_timeline DROP COLUMN summary;
