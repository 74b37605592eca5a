using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IopTelehealth.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AuditLogAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The audit log is append-only even for someone who bypasses the application.
            migrationBuilder.Sql("CREATE TRIGGER AuditLog_NoUpdate BEFORE UPDATE ON AuditLog BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER AuditLog_NoDelete BEFORE DELETE ON AuditLog BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER AuditLog_NoUpdate;");
            migrationBuilder.Sql("DROP TRIGGER AuditLog_NoDelete;");
        }
    }
}
