namespace IopTelehealth.Domain.Audit;

/// <summary>Stable action names of the audit log; reports and alerts match on them.</summary>
public static class AuditActions
{
    public const string SignIn = "sign-in";
    public const string SignOut = "sign-out";
    public const string LockedOut = "locked-out";
    public const string MfaEnrolled = "mfa-enrolled";
    public const string MfaReset = "mfa-reset";
    public const string RecoveryCodeUsed = "mfa-recovery-code-used";
    public const string InviteIssued = "invite-issued";
    public const string PasswordSet = "password-set";
    public const string ServiceTokenIssued = "service-token-issued";
    public const string RoleChanged = "role-changed";
    public const string CrossClinicAccess = "cross-clinic-access";
    public const string Forbidden = "forbidden";
    public const string PhiRead = "phi-read";
    public const string RecordCreated = "record-created";
    public const string RecordUpdated = "record-updated";
    public const string RecordDeleted = "record-deleted";
    public const string RoomDeviceApproved = "room-device-approved";
    public const string RoomDeviceDenied = "room-device-denied";
    public const string RoomDeviceRevoked = "room-device-revoked";
    public const string CheckedIn = "checked-in";
    public const string CheckedOut = "checked-out";
    public const string CheckInRefused = "check-in-refused";
}
