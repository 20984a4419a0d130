package io.reactord.systemd.dbus;

import java.util.List;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.Struct;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.annotations.Position;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.UInt32;

/** The members of systemd's {@code org.freedesktop.systemd1.Manager} interface that reactord calls. */
@DBusInterfaceName("org.freedesktop.systemd1.Manager")
public interface SystemdManager extends DBusInterface {
    String BUS_NAME = "org.freedesktop.systemd1";
    String OBJECT_PATH = "/org/freedesktop/systemd1";

    DBusPath StartUnit(String name, String mode);

    DBusPath StopUnit(String name, String mode);

    DBusPath LoadUnit(String name);

    void ResetFailedUnit(String name);

    void Reload();

    void Subscribe();

    void FreezeUnit(String name);

    void ThawUnit(String name);

    List<UnitFileChange> MaskUnitFiles(List<String> files, boolean runtime, boolean force);

    List<UnitFileChange> UnmaskUnitFiles(List<String> files, boolean runtime);

    /** The listed units' states in one call (loading each if needed; unknown ones read not-found). */
    List<UnitInfo> ListUnitsByNames(List<String> names);

    /** One entry of {@code ListUnits*}: {@code (ssssssouso)}. */
    final class UnitInfo extends Struct {
        @Position(0)
        public final String name;
        @Position(1)
        public final String description;
        @Position(2)
        public final String loadState;
        @Position(3)
        public final String activeState;
        @Position(4)
        public final String subState;
        @Position(5)
        public final String following;
        @Position(6)
        public final DBusPath path;
        @Position(7)
        public final UInt32 jobId;
        @Position(8)
        public final String jobType;
        @Position(9)
        public final DBusPath jobPath;

        @SuppressWarnings("checkstyle:ParameterNumber")
        public UnitInfo(String name, String description, String loadState, String activeState, String subState,
                String following, DBusPath path, UInt32 jobId, String jobType, DBusPath jobPath) {
            this.name = name;
            this.description = description;
            this.loadState = loadState;
            this.activeState = activeState;
            this.subState = subState;
            this.following = following;
            this.path = path;
            this.jobId = jobId;
            this.jobType = jobType;
            this.jobPath = jobPath;
        }
    }

    /** One entry of the change list that unit file operations return. */
    final class UnitFileChange extends Struct {
        @Position(0)
        public final String type;
        @Position(1)
        public final String file;
        @Position(2)
        public final String destination;

        public UnitFileChange(String type, String file, String destination) {
            this.type = type;
            this.file = file;
            this.destination = destination;
        }
    }

    /** Sent (after {@code Subscribe}) when a job finished; {@code result} is done, failed, skipped, … */
    final class JobRemoved extends DBusSignal {
        private final long id;
        private final String job;
        private final String unit;
        private final String result;

        public JobRemoved(String path, UInt32 id, DBusPath job, String unit, String result) throws DBusException {
            super(path, id, job, unit, result);
            this.id = id.longValue();
            this.job = job.getPath();
            this.unit = unit;
            this.result = result;
        }

        public long id() {
            return id;
        }

        public String job() {
            return job;
        }

        public String unit() {
            return unit;
        }

        public String result() {
            return result;
        }
    }
}
