namespace IopTelehealth.Web.Client.Rooms;

/// <summary>Friendly text for the protocol's stable error codes (docs/room-protocol.md), for patients on a phone.</summary>
public static class RoomMessages
{
    public const string ConnectionFailed =
        "We could not connect to the room. Check your internet connection and try again. If it keeps happening, sign in again.";

    public static string For(string code, string serverText) => code switch
    {
        "session-not-found" => "We could not find this session. It may have been moved or cancelled; check your home page.",
        "not-enrolled" => "You are not enrolled in this session's group. If you think this is a mistake, please contact your clinic.",
        "room-not-open" => "The room is not open yet. The lobby opens 15 minutes before the session starts; please come back then.",
        "room-ended" => "This session has ended.",
        "room-locked" => "The therapist has locked the room for now. Please wait and try again in a moment.",
        "room-full" => "This session's group is full. Please contact your clinic.",
        "banned" => "You were removed from this session and cannot rejoin it. Please contact your clinic.",
        "forbidden" => "You cannot do that in this session.",
        "hard-muted" => "The therapist muted you. You can unmute when the therapist allows it.",
        "attestation-required" => "Please tell us where you are and confirm that you are in a private space.",
        "consent-required" => "Please read and accept the telehealth consent before joining.",
        "not-joined" or "not-admitted" => "You are not in the room right now. Please join again.",
        "participant-not-found" => "That person is no longer in the room.",
        "rate-limited" => "That was a lot at once. Please wait a moment and try again.",
        "conflict" => "The room was busy. Please try again.",
        _ => string.IsNullOrWhiteSpace(serverText) ? "Something went wrong. Please try again." : serverText,
    };
}
