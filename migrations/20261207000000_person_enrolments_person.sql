-- A person's page lists all their enrolments, ended ones too: the partial indexes of open
-- enrolments cannot serve that, and without this one each page read walked every enrolment.
CREATE INDEX person_enrolments_person ON person_enrolments (person_id);
