using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OutlookInterviewAddin.Data.PostgreSqlMigrations
{
    /// <inheritdoc />
    public partial class LocalMailboxContacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MailboxContacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GraphId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    GivenName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Surname = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    EmailAddresses = table.Column<string>(type: "text", nullable: false),
                    CompanyName = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    JobTitle = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Department = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    BusinessCity = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PersonalNotes = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastModifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OwnerTenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerObjectId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailboxContacts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MailboxContacts_GraphId",
                table: "MailboxContacts",
                column: "GraphId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MailboxContacts_OwnerTenantId_OwnerObjectId",
                table: "MailboxContacts",
                columns: new[] { "OwnerTenantId", "OwnerObjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_MailboxContacts_OwnerTenantId_OwnerObjectId_CreatedAt",
                table: "MailboxContacts",
                columns: new[] { "OwnerTenantId", "OwnerObjectId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MailboxContacts");
        }
    }
}
