-- What an import repaired, kept beside the publisher's HSDS records rather than written into them
-- (an export then gives back what the source said, and Kith's guesses stay Kith's).

-- An organisation the source names (a service's or location's organization_id) and does not have:
-- the import keeps the records under a stand-in named for the source id, listed here for admins
-- to fix. Importing the real organisation later replaces the stand-in's details and its row here.
CREATE TABLE directory_placeholder_organization (
  organization_id uuid PRIMARY KEY REFERENCES hsds_organization (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  dataset text NOT NULL,
  source_id text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Where a location without coordinates probably is: the centre of its postal code. Approximate by
-- nature (a ZIP code covers a few square kilometres in a city, far more in the country), and
-- said so wherever it is shown. Coordinates from the source replace it.
CREATE TABLE directory_location_estimate (
  location_id uuid PRIMARY KEY REFERENCES hsds_location (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  latitude double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
  longitude double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
  postal_code text NOT NULL
);
