-- 0021: verified complaints read from the complaint cases, in one place. A complaint is a case of the
-- complaint-handling definition; its verification (查实) is a history entry recording the count that
-- decided the sanction (`verified_count`, the rung) and the sanction, committed with a misconduct
-- finding against the person whose last piece of evidence is that entry. The view names those
-- complaints once, so the count the engine's ladder is given and the register's sanction list cannot
-- drift apart: a complaint whose finding was dismissed no longer stands in either.
-- The side tables `complaints` (0005) and `sanctions` (0013) were never written; they go.

create view verified_complaints as
select f.case_id                                             as complaint_id,
       f.responsible_staff_id                                as staff_id,
       -- The finding is written in the verification's commit, with the entry's time.
       f.opened_at                                           as verified_at,
       (h.payload -> 'data' ->> 'verified_count')::integer   as rung,
       h.payload -> 'data' ->> 'sanction'                    as sanction,
       f.status                                              as finding_status
from findings f
join case_history h on h.case_id = f.case_id and h.sequence = f.evidence_sequences[array_upper(f.evidence_sequences, 1)]
where f.kind = 'misconduct'
  and f.status <> 'dismissed'
  and h.payload -> 'data' ->> 'verified_count' is not null;

drop table sanctions;
drop table complaints;
