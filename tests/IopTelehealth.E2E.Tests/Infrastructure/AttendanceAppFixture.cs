namespace IopTelehealth.E2E.Tests.Infrastructure;

/// <summary>
/// The web app with missed-session follow-ups created every 200 ms (default 30 s), so the queue holds a session's absentees
/// right after it ends; everything else is the plain <see cref="WebAppFixture"/>.
/// </summary>
public sealed class AttendanceAppFixture : WebAppFixture
{
    protected override Task<IReadOnlyDictionary<string, string?>?> ServerSettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string?>?>(new Dictionary<string, string?> { ["Attendance:FollowUpInterval"] = "00:00:00.200" });
}
