using IopTelehealth.Contracts.Rooms;

namespace IopTelehealth.Web.Tests.Fakes;

/// <summary>Sample room data in the shape the hub sends it. Participant ids are 12 hex characters, as on the wire.</summary>
public static class TestRooms
{
    public static readonly Guid SessionId = Guid.Parse("70000000-0000-0000-0000-000000000001");

    public const string SelfId = "c0ffee000001";
    public const string TherapistId = "c0ffee000002";
    public const string RiverId = "c0ffee000003";
    public const string CompassId = "c0ffee000004";

    public const string ConsentText = "I agree to receive group therapy by video.";

    public static PreJoinDto PatientPreJoin(bool consentRequired = false) => new(SessionId, "Tuesday-Thursday Evening Group", "Open practice room",
        TestData.MondayEvening, TestData.MondayEvening.AddHours(3), "open", WireRoles.Patient, "Oak", RequiresAttestation: true,
        consentRequired ? "2026-01" : null, consentRequired ? ConsentText : null);

    public static PreJoinDto TherapistPreJoin() => PatientPreJoin() with
    {
        Role = WireRoles.Therapist,
        DisplayName = "Dr. Taylor Reed",
        RequiresAttestation = false,
    };

    public static RoomInfoDto Info(bool locked = false, string? spotlight = null) =>
        new(SessionId, "live", locked, spotlight, TestData.MondayEvening, TestData.MondayEvening.AddHours(3));

    public static ParticipantDto Patient(string id, string alias, bool audio = false, bool hardMuted = false, bool hand = false,
        bool video = false, bool connected = true, bool audioOnly = false, bool screenShareAllowed = false, bool videoStopped = false, bool inClinic = false) =>
        new(id, alias, WireRoles.Patient, audio, video, hardMuted, videoStopped, hand, connected, audioOnly, ScreenSharing: false, screenShareAllowed, inClinic);

    public static ParticipantDto Therapist() =>
        new(TherapistId, "Dr. Taylor Reed", WireRoles.Therapist, AudioOn: true, VideoOn: true, HardMuted: false, VideoStopped: false, HandRaised: false,
            Connected: true, AudioOnly: false, ScreenSharing: false, ScreenShareAllowed: true, InClinic: false);

    public static MediaSetupDto MeshMedia() => new(WireMediaModes.Mesh, [new IceServerDto(["stun:127.0.0.1:3478"], null, null)], 6, 65536);

    public static MediaSetupDto SfuMedia() => new(WireMediaModes.Sfu,
        [new IceServerDto(["turn:127.0.0.1:3478?transport=udp"], "1900000000:c0ffee000001", "secret-hmac")], 6, 65536);

    /// <summary>A room with the therapist, "Oak" (self, a patient unless told) and "River".</summary>
    public static FakeRoomConnection Admitted(string selfId = SelfId, params ParticipantDto[] extra)
    {
        var room = new FakeRoomConnection
        {
            SelfId = selfId,
            Admission = "admitted",
            Participants = [Therapist(), Patient(SelfId, "Oak"), Patient(RiverId, "River"), .. extra],
        };
        return room;
    }

    public static ChatMessageDto Line(string id, string from, string fromName, string text, string? to = null) =>
        new(id, from, fromName, to, to is not null, text, TestData.MondayEvening.AddMinutes(5));

    public static HelpRequestDto Help(string message = "I need to step out and talk") => new(RiverId, "River", message, "Home, Evanston", "IL",
        "Linh Nguyen", "+1-312-555-0111", TestData.MondayEvening.AddMinutes(20));
}
