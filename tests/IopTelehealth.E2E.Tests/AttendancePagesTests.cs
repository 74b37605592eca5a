using System.Runtime.CompilerServices;
using IopTelehealth.Domain.Attendance;
using IopTelehealth.Domain.Attendance.Ports;
using IopTelehealth.Domain.Rooms;
using IopTelehealth.Domain.Scheduling;
using IopTelehealth.E2E.Tests.Infrastructure;
using IopTelehealth.Server.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IopTelehealth.E2E.Tests;

/// <summary>The attendance pages in a real browser: the patient week chart (inline SVG) drawn from the ledger, and the therapist's roster.</summary>
public sealed class AttendancePagesTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    /// <summary>The data is arranged once per server: both tests read the same weeks.</summary>
    private static readonly ConditionalWeakTable<WebAppFixture, Task<(Guid PatientId, DateOnly LastMonday, DateOnly TwoAgoMonday)>> Arranged = [];

    [Fact]
    public async Task The_patient_week_page_charts_twelve_weeks_against_the_requirement_line()
    {
        var (patientId, lastMonday, twoAgoMonday) = await Arranged.GetValue(app, _ => ArrangeAttendanceAsync());

        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(1024, 900);
        await page.SignInFromHomeAsync(DemoAccounts.Therapist, DemoAccounts.Password, DemoAccounts.TotpSecret);
        await page.GotoAsync($"/attendance/patients/{patientId}");

        var chart = page.Locator("svg.weekly-hours-chart");
        await Expect(chart).ToBeVisibleAsync();
        await Expect(chart.Locator("rect.week-bar")).ToHaveCountAsync(12);
        await Expect(chart.Locator("line.requirement-line")).ToHaveCountAsync(1);
        await Expect(chart.Locator("text.requirement-label")).ToHaveTextAsync("Required 9 h");
        var full = chart.Locator($"rect.week-bar[data-week='{lastMonday:yyyy-MM-dd}']");
        await Expect(full).ToHaveAttributeAsync("data-hours", "9");
        await Expect(full).ToHaveClassAsync("week-bar meets");
        var partial = chart.Locator($"rect.week-bar[data-week='{twoAgoMonday:yyyy-MM-dd}']");
        await Expect(partial).ToHaveAttributeAsync("data-hours", "2");
        // The browser really drew them: the met week's bar is taller than the short one's, and the line sits between.
        var fullBox = await full.BoundingBoxAsync();
        var partialBox = await partial.BoundingBoxAsync();
        var lineBox = await chart.Locator("line.requirement-line").BoundingBoxAsync();
        Assert.NotNull(fullBox);
        Assert.NotNull(partialBox);
        Assert.NotNull(lineBox);
        Assert.True(fullBox.Height > 3 * partialBox.Height, $"bar heights {fullBox.Height} vs {partialBox.Height}");
        Assert.InRange(lineBox.Y, fullBox.Y - 2, partialBox.Y);

        var shot = Path.Combine(AppContext.BaseDirectory, "screenshots", "patient-week-chart.png");
        Directory.CreateDirectory(Path.GetDirectoryName(shot)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
        Assert.True(new FileInfo(shot).Length > 10_000, "the screenshot holds a rendered page");
        TestContext.Current.TestOutputHelper?.WriteLine($"screenshot: {shot}");
        Assert.Empty(app.ConsoleErrors(page));
    }

    [Fact]
    public async Task The_patient_sees_their_own_week_page_and_not_the_roster()
    {
        await Arranged.GetValue(app, _ => ArrangeAttendanceAsync());
        var page = await app.NewPageAsync();
        await page.SignInFromHomeAsync(DemoAccounts.Patient(2), DemoAccounts.Password);
        await page.GetByRole(AriaRole.Link, new() { Name = "My attendance" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("My attendance");
        await Expect(page.Locator("svg.weekly-hours-chart rect.week-bar")).ToHaveCountAsync(12);
        await Expect(page.Locator("main")).Not.ToContainTextAsync("Legal");
    }

    /// <summary>
    /// Patients 1 and 2, enrolled since five weeks ago: last week three full 3-hour sessions (9 h, meets), the week before one
    /// session of 2 hours. Facts go through the ledger port as the room sink writes them.
    /// </summary>
    private async Task<(Guid PatientId, DateOnly LastMonday, DateOnly TwoAgoMonday)> ArrangeAttendanceAsync()
    {
        var services = app.Server.Services;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IopTelehealth.Persistence.IopDbContext>();
        var group = await db.Groups.SingleAsync(g => g.Name == DemoAccounts.GroupName);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(DemoAccounts.ClinicTimeZone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime);
        var thisMonday = ClinicWeek.Containing(today, zone).Monday;
        var (lastMonday, twoAgo) = (thisMonday.AddDays(-7), thisMonday.AddDays(-14));
        var users = await db.Users.Where(u => u.Email == DemoAccounts.Patient(1) || u.Email == DemoAccounts.Patient(2)).Select(u => u.Id).ToListAsync();
        var patients = await db.Patients.Where(p => users.Contains(p.UserId)).ToListAsync();
        var patientIds = patients.Select(p => p.Id).ToList();
        foreach (var enrollment in await db.Enrollments.Where(e => patientIds.Contains(e.PatientId)).ToListAsync())
        {
            enrollment.ChangeDates(thisMonday.AddDays(-35), null);
        }

        var ledger = services.GetRequiredService<IAttendanceLog>();
        var attended = new List<(GroupSession Session, int Minutes)>();
        foreach (var (day, minutes) in new[] { (lastMonday, 180), (lastMonday.AddDays(2), 180), (lastMonday.AddDays(3), 180), (twoAgo.AddDays(1), 120) })
        {
            var start = ScheduleExpander.ToInstant(day.ToDateTime(new TimeOnly(18, 0)), zone);
            var session = new GroupSession(Guid.NewGuid(), group.ClinicId, group.Id, null, new SessionSlot(day, start, start.AddHours(3), "Chart test"));
            db.Add(session);
            attended.Add((session, minutes));
        }

        await db.SaveChangesAsync();
        foreach (var (session, minutes) in attended)
        {
            var id = new SessionId(session.Id);
            foreach (var patient in patients)
            {
                await ledger.RecordAsync([
                    AttendanceEvent.Opened($"e2e:{session.Id}:{patient.UserId}:in", id, patient.UserId, AttendanceMode.Video, session.ScheduledStart, 1),
                    AttendanceEvent.Closed($"e2e:{session.Id}:{patient.UserId}:out", id, patient.UserId, AttendanceChannel.Remote, AttendanceEndReason.Left,
                        session.ScheduledStart.AddMinutes(minutes), 2),
                ]);
            }

            await ledger.RecordAsync([AttendanceEvent.Ended($"e2e:{session.Id}:end", id, session.ScheduledEnd, 3)]);
        }

        return (patients.Single(p => p.UserId == (db.Users.Single(u => u.Email == DemoAccounts.Patient(1)).Id)).Id, lastMonday, twoAgo);
    }
}
