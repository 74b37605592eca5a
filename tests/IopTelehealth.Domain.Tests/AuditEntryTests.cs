using IopTelehealth.Domain.Audit;

namespace IopTelehealth.Domain.Tests;

public class AuditEntryTests
{
    [Fact]
    public void Over_long_fields_are_clipped_to_their_column_sizes()
    {
        // Clipping instead of throwing: an audit write must never fail the request it records.
        var entry = new AuditEntry(
            DateTimeOffset.UnixEpoch,
            new string('a', 100),
            AuditOutcome.Failure,
            null,
            null,
            new string('i', 100),
            new string('t', 100),
            new string('d', 100),
            new string('x', 1000));

        Assert.Equal(new string('a', 64), entry.Action);
        Assert.Equal(new string('i', 64), entry.IpAddress);
        Assert.Equal(new string('t', 64), entry.TargetType);
        Assert.Equal(new string('d', 64), entry.TargetId);
        Assert.Equal(new string('x', 256), entry.Detail);
    }

    [Fact]
    public void Fields_within_limits_are_kept_as_given()
    {
        var userId = Guid.NewGuid();
        var clinicId = Guid.NewGuid();

        var entry = new AuditEntry(
            DateTimeOffset.UnixEpoch, AuditActions.RoleChanged, AuditOutcome.Success, userId, clinicId,
            "127.0.0.1", "user", "42", "role:therapist->admin");

        Assert.Equal("role-changed", entry.Action);
        Assert.Equal(AuditOutcome.Success, entry.Outcome);
        Assert.Equal(userId, entry.UserId);
        Assert.Equal(clinicId, entry.ClinicId);
        Assert.Equal("127.0.0.1", entry.IpAddress);
        Assert.Equal("user", entry.TargetType);
        Assert.Equal("42", entry.TargetId);
        Assert.Equal("role:therapist->admin", entry.Detail);
    }

    [Fact]
    public void Missing_optional_fields_stay_null_and_a_missing_action_becomes_unknown()
    {
        var entry = new AuditEntry(DateTimeOffset.UnixEpoch, null!, AuditOutcome.Denied, null, null, null);

        Assert.Equal("unknown", entry.Action);
        Assert.Null(entry.IpAddress);
        Assert.Null(entry.TargetType);
        Assert.Null(entry.TargetId);
        Assert.Null(entry.Detail);
    }

    [Fact]
    public void The_time_is_stored_in_utc()
    {
        var at = new DateTimeOffset(2026, 3, 8, 3, 30, 0, TimeSpan.FromHours(-5));

        var entry = new AuditEntry(at, AuditActions.SignIn, AuditOutcome.Success, null, null, null);

        Assert.Equal(TimeSpan.Zero, entry.At.Offset);
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 8, 30, 0, TimeSpan.Zero), entry.At);
    }
}
