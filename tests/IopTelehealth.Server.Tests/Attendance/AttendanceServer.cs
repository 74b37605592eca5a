using IopTelehealth.Server.Tests.Infrastructure;

namespace IopTelehealth.Server.Tests.Attendance;

/// <summary>The demo server with follow-ups created every 200 ms, so a test sees them right after a session ends.</summary>
public sealed class AttendanceServer() : IopServer(new Dictionary<string, string?> { ["Attendance:FollowUpInterval"] = "00:00:00.200" });
