-- Appeals: a decision an appeal overturned is marked in the decisions log (and so in the training
-- export, as a hard example). Decisions known only by their label (automated, or human outside Warden's
-- queues) get a row of kind 'label' when an appeal overturns them.
ALTER TABLE decisions ADD COLUMN IF NOT EXISTS overturned_by varchar(64);
ALTER TABLE decisions ADD COLUMN IF NOT EXISTS overturned_at timestamptz;
