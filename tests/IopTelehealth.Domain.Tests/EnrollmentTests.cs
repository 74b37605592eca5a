using IopTelehealth.Domain.Clinics;
using static IopTelehealth.Domain.Tests.TestTime;

namespace IopTelehealth.Domain.Tests;

public class EnrollmentTests
{
    [Theory]
    [InlineData(2026, 5, 31, false)]
    [InlineData(2026, 6, 1, true)]
    [InlineData(2026, 7, 15, true)]
    [InlineData(2026, 8, 31, true)]
    [InlineData(2026, 9, 1, false)]
    public void Active_enrollment_counts_from_start_to_end_inclusive(int year, int month, int day, bool expected)
    {
        var enrollment = Create(Date(2026, 6, 1), Date(2026, 8, 31));

        Assert.Equal(expected, enrollment.IsActiveOn(Date(year, month, day)));
    }

    [Fact]
    public void An_open_ended_enrollment_is_active_from_its_start_onwards()
    {
        var enrollment = Create(Date(2026, 6, 1), null);

        Assert.False(enrollment.IsActiveOn(Date(2026, 5, 31)));
        Assert.True(enrollment.IsActiveOn(Date(2030, 1, 1)));
    }

    [Theory]
    [InlineData(EnrollmentStatus.SteppedDown)]
    [InlineData(EnrollmentStatus.Graduated)]
    [InlineData(EnrollmentStatus.Discharged)]
    public void Only_the_active_status_is_expected_in_sessions(EnrollmentStatus status)
    {
        var enrollment = Create(Date(2026, 6, 1), null);

        enrollment.ChangeStatus(status);

        Assert.False(enrollment.IsActiveOn(Date(2026, 6, 2)));
    }

    [Fact]
    public void End_before_start_is_rejected()
    {
        var ex = Assert.Throws<DomainRuleException>(() => Create(Date(2026, 6, 2), Date(2026, 6, 1)));

        Assert.Equal("EndDate", ex.Field);
    }

    [Fact]
    public void A_one_day_enrollment_is_allowed()
    {
        Assert.True(Create(Date(2026, 6, 1), Date(2026, 6, 1)).IsActiveOn(Date(2026, 6, 1)));
    }

    [Fact]
    public void An_undefined_status_is_rejected()
    {
        var enrollment = Create(Date(2026, 6, 1), null);

        var ex = Assert.Throws<DomainRuleException>(() => enrollment.ChangeStatus((EnrollmentStatus)42));

        Assert.Equal("Status", ex.Field);
        Assert.Equal(EnrollmentStatus.Active, enrollment.Status);
    }

    private static Enrollment Create(DateOnly start, DateOnly? end) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), start, end);
}
