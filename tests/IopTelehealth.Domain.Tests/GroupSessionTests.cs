using IopTelehealth.Domain.Scheduling;
using static IopTelehealth.Domain.Tests.TestTime;

namespace IopTelehealth.Domain.Tests;

public class GroupSessionTests
{
    [Fact]
    public void Times_are_stored_in_utc_whatever_offset_the_slot_carries()
    {
        var start = new DateTimeOffset(2026, 6, 1, 18, 0, 0, TimeSpan.FromHours(-5));
        var slot = new SessionSlot(Date(2026, 6, 1), start, start.AddHours(3), "Grief and loss");

        var session = new GroupSession(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), null, slot);

        Assert.Equal(Utc(2026, 6, 1, 23), session.ScheduledStart);
        Assert.Equal(TimeSpan.Zero, session.ScheduledStart.Offset);
        Assert.Equal(TimeSpan.Zero, session.ScheduledEnd.Offset);
        Assert.Equal(Date(2026, 6, 1), session.LocalDate);
        Assert.Equal(GroupSessionStatus.Scheduled, session.Status);
        Assert.Null(session.ScheduleId);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    public void A_session_must_end_after_it_starts(int minutes)
    {
        var start = Utc(2026, 6, 1, 23);
        var slot = new SessionSlot(Date(2026, 6, 1), start, start.AddMinutes(minutes), "Grief and loss");

        var ex = Assert.Throws<DomainRuleException>(() => new GroupSession(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), null, slot));

        Assert.Equal("ScheduledEnd", ex.Field);
    }

    [Fact]
    public void Cancel_marks_the_session_cancelled()
    {
        var start = Utc(2026, 6, 1, 23);
        var session = new GroupSession(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), null, new SessionSlot(Date(2026, 6, 1), start, start.AddHours(1), "x"));

        session.Cancel();

        Assert.Equal(GroupSessionStatus.Cancelled, session.Status);
    }

    [Fact]
    public void A_rejected_reschedule_leaves_the_session_unchanged()
    {
        var start = Utc(2026, 6, 1, 23);
        var session = new GroupSession(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), null, new SessionSlot(Date(2026, 6, 1), start, start.AddHours(3), "Grief and loss"));
        var later = Utc(2026, 6, 2, 23);

        // A blank topic (e.g. from a caller passing an unchecked topic list) must not leave a half-moved session behind.
        Assert.Throws<DomainRuleException>(() => session.Reschedule(new SessionSlot(Date(2026, 6, 2), later, later.AddHours(3), " ")));

        Assert.Equal(Date(2026, 6, 1), session.LocalDate);
        Assert.Equal(start, session.ScheduledStart);
        Assert.Equal(start.AddHours(3), session.ScheduledEnd);
        Assert.Equal("Grief and loss", session.Topic);
    }
}
