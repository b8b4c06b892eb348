-- A doctor's leave or blocked time and their active appointments never overlap. Two tables cannot share an exclusion
-- constraint, so each side's trigger takes the doctor's schedule lock (held to commit) and then looks at the other
-- table with a fresh snapshot: of a booking and a leave written at the same moment, the first to commit wins and
-- the other is refused with SQLSTATE 23P01, like an overlap between two appointments.
CREATE FUNCTION doctor_schedule_lock(doctor uuid) RETURNS void LANGUAGE sql AS $$
  SELECT pg_advisory_xact_lock(hashtextextended('doctor-schedule:' || doctor::text, 0))
$$;

CREATE FUNCTION appointment_outside_time_off() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."status" NOT IN ('BOOKED', 'CHECKED_IN', 'IN_PROGRESS', 'COMPLETED') THEN
    RETURN NEW;
  END IF;
  -- A status change (check-in, completion) keeps the time it already held.
  IF TG_OP = 'UPDATE' AND NEW."doctorId" = OLD."doctorId" AND NEW."startsAt" = OLD."startsAt" AND NEW."endsAt" = OLD."endsAt"
     AND OLD."status" IN ('BOOKED', 'CHECKED_IN', 'IN_PROGRESS', 'COMPLETED') THEN
    RETURN NEW;
  END IF;
  PERFORM doctor_schedule_lock(NEW."doctorId");
  IF EXISTS (SELECT 1 FROM "TimeOff" t WHERE t."doctorId" = NEW."doctorId" AND t."startsAt" < NEW."endsAt" AND t."endsAt" > NEW."startsAt") THEN
    RAISE EXCEPTION 'Appointment_doctor_time_off: the doctor is away at that time' USING ERRCODE = 'exclusion_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "Appointment_outside_time_off" BEFORE INSERT OR UPDATE ON "Appointment"
  FOR EACH ROW EXECUTE FUNCTION appointment_outside_time_off();

CREATE FUNCTION time_off_clear_of_appointments() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM doctor_schedule_lock(NEW."doctorId");
  IF EXISTS (
    SELECT 1 FROM "Appointment" a
    WHERE a."doctorId" = NEW."doctorId" AND a."status" IN ('BOOKED', 'CHECKED_IN', 'IN_PROGRESS', 'COMPLETED')
      AND a."startsAt" < NEW."endsAt" AND a."endsAt" > NEW."startsAt"
  ) THEN
    RAISE EXCEPTION 'TimeOff_appointment_clash: an appointment is booked in that time' USING ERRCODE = 'exclusion_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "TimeOff_clear_of_appointments" BEFORE INSERT OR UPDATE ON "TimeOff"
  FOR EACH ROW EXECUTE FUNCTION time_off_clear_of_appointments();
