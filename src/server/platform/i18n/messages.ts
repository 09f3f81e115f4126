export type Locale = "en" | "ko";
type Catalog = Record<string, string>;

const en: Catalog = {
  "records.not_found": "Not found.",
  "portal.not_found": "There is no published page at this address.",
  "access.forbidden": "You are not allowed to do this.",
  "auth.required": "Sign in first.",
  "auth.invalid_credentials": "Wrong e-mail or password.",
  "auth.locked": "Too many failed sign-ins: this account is locked for {minutes} minutes.",
  "sessions.not_found": "No such session of yours is open.",
  "auth.csrf_failed": "The form token is missing or wrong: reload the page and try again.",
  "auth.token_scope": "This API token does not allow this action.",
  rate_limited: "Too many requests: wait {seconds} seconds and try again.",
  "request.validation_failed": "Some fields are not valid.",
  "request.invalid_json": "The request body is not valid JSON.",
  "request.too_large": "The request body is too large.",
  "request.unsupported_media_type": "This content type is not accepted here.",
  "request.route_not_found": "There is no such address.",
  "request.invalid_url": "The address is not valid: check its %-escapes.",
  "request.url_too_long": "The address is too long.",
  "records.version_conflict":
    "Someone else changed this record since you opened it: reload it and apply your change again.",
  "records.duplicate": "A record with this {field} already exists.",
  "attachments.corrupt": "The stored file does not match its checksum: it is not served.",
  "attachments.too_large": "The file is larger than the limit of {limit} bytes.",
  "attachments.mime_not_allowed": "Files of type {mime} are not accepted.",
  "demo.incomplete":
    "The demo data in {where} is incomplete: an earlier start was interrupted while loading it. Delete it and start again.",
  "persons.identity_unreadable":
    "The identifying data of this person cannot be opened (wrong master key, or the stored data was altered); nothing is shown.",
  internal: "Something went wrong on our side; nothing was changed. Try again.",
  "storage.unavailable":
    "The data store cannot accept writes right now (full or read-only); nothing was changed.",
  "storage.full":
    "The disk of the data store is full: nothing of this change was saved, and what was saved before is intact. Ask an administrator to free space, then try again.",
  "storage.read_only":
    "The data store is read-only right now: nothing of this change was saved, and what was saved before is intact. Try again later.",
  "storage.data_dir_read_only":
    "Cannot start: the data directory {where} is read-only. Make it writable (or mount it read-write) and start again.",
  "backup.damaged": "The backup file is damaged ({reason}): nothing was written.",
  "backup.truncated": "The backup file is cut short (incomplete copy?): nothing was written.",
  "backup.wrong_passphrase": "Wrong passphrase for this backup: nothing was written.",
  "backup.passphrase_too_short": "The backup passphrase must have at least {min} characters.",
  "backup.passphrase_missing":
    "Give the backup passphrase with --passphrase-file FILE or RAPPORTEUR_BACKUP_PASSPHRASE (no terminal to ask on).",
  "backup.target_not_empty":
    "{where} already holds data: a backup is restored only into an empty data directory and an empty database.",
  "backup.newer_schema":
    "This backup was taken by a newer version of Rapporteur (schema {version}): upgrade before restoring it.",
  "backup.other_dialect":
    "This backup comes from a {from} database and is restored only into {from}, not {to}: set or unset DATABASE_URL.",
  "backup.master_key_differs":
    "RAPPORTEUR_MASTER_KEY differs from the master key in the backup: unset it (the backup's key is written to master.key) or set the backup's key.",
  "backup.no_master_key":
    "There is no master key at {where}: nothing to back up yet (has the server ever started?).",
  "backup.file_exists": "{file} already exists: a backup is written only to a new file.",
  "backup.no_database": "There is no database at {where}: check --data-dir.",
  "backup.passphrases_differ": "The two passphrases differ: nothing was written.",
  "demo.real_data_present":
    "The demo refuses to start: {where} holds mandates that are not the demo's. Give the demo an empty data directory (--data-dir) or database.",
  // field problems
  "field.required": "Required.",
  "field.invalid_type": "Must be {expected}.",
  "field.too_long": "At most {max} characters.",
  "field.too_short": "At least {min} characters.",
  "field.too_big": "At most {max}.",
  "field.file_too_large": "The file is larger than the limit of {limit} bytes.",
  "field.content_mismatch":
    "The file's content is not of the type it was sent as ({mime}): choose the right file.",
  "field.not_text": "Sent as text ({mime}), but the file holds binary data (NUL or control bytes).",
  "field.too_small": "At least {min}.",
  "field.invalid_value": "Must be one of: {options}.",
  "field.unknown": "Unknown field.",
  "field.invalid_format": "Wrong format.",
  "field.invalid_date": "Use YYYY, YYYY-MM or YYYY-MM-DD, a real date.",
  "field.unknown_term": "Not a term of the {list} list.",
  "field.retired_term": "This term is retired; choose another.",
  "field.unknown_reference": "No such record, or not one you can use.",
  "field.other_mandate": "Belongs to another mandate.",
  "field.taken": "Already in use.",
  "field.weak_password": "Use at least 12 characters.",
  // passwords and second factors
  "field.password_too_short": "Use at least {min} characters.",
  "field.password_too_long": "Use at most {max} characters.",
  "field.password_too_common": "This is one of the most common passwords: choose another.",
  "field.password_is_email": "The password must not be your e-mail address or its part before the @.",
  "field.wrong_code": "Wrong or already used code.",
  "field.wrong_password": "Wrong password.",
  "auth.enrolment_required":
    "Your role requires a second factor: set up an authenticator app or a passkey before anything else.",
  "auth.sign_in_expired": "This sign-in has expired: enter your e-mail and password again.",
  "auth.second_factor_failed": "The second factor was not accepted.",
  "second_factor.totp_enabled": "An authenticator app is already set up: turn it off first.",
  "second_factor.totp_not_started": "Start setting up the authenticator app first.",
  "second_factor.totp_not_enabled": "No authenticator app is set up.",
  "second_factor.no_passkey": "This account has no passkey.",
  "passkeys.not_found": "No such passkey.",
  "passkeys.challenge_expired": "The passkey request has expired or was used: try again.",
  "passkeys.not_verified": "The passkey could not be verified.",
  "field.invalid": "Not valid.",
  "field.nul_character": "Contains a NUL character, which cannot be stored.",
  "search.date_range": "Must not be before the start date.",
  "import.restriction_unsupported":
    "An import cannot restrict records to named users; restrict them after importing.",
  "communications.letter_locked": "The letter is approved: return it to draft to change its text.",
  "communications.publish_before_sent": "Must not be before the day it was sent ({sentOn}).",
  "communications.not_sent": "A reply can only be recorded for a letter that was sent.",
  "communications.transition_not_allowed": "This step is not open now (the letter is {status}).",
  "meetings.participants_pseudonymous":
    "Civil society and victims are listed by their person code (pseudonym), never by name: {names} is not a person code of this mandate.",
  "saved-searches.not_found": "No such saved search.",
  "notifications.not_found": "No such notification.",
  "outbox.not_found": "No such e-mail in the outbox.",
  // reports
  "reports.not_found": "No such report.",
  "reports.locked": "The report is {status}: reopen it to change it.",
  "reports.metadata_locked": "The report is final: the mandate holder must reopen it to change this.",
  "reports.symbol_format":
    "Not a document symbol of this kind of report: A/72/394 (General Assembly), A/HRC/37/56 (Human Rights Council), A/HRC/37/56/Add.2 (visit report).",
  "reports.transition_not_allowed": "This step is not open now (the report is {status}).",
  "reports.publication_blocked":
    "The report cannot be made public yet: {count} problem(s) of the publication check are neither fixed nor overridden by the mandate holder.",
  "reports.problem.consent": "A quotation goes beyond the consent its source gave.",
  "reports.problem.identifying_data": "Identifying data of a person is in the text.",
  "reports.problem.reprisal_risk": "The pseudonym of a witness at high risk of reprisal is in the text.",
  "reports.problem.small_cell":
    "A statistic has {count} cell(s) of 1 or 2 acts, few enough to point at someone.",
  "reports.problem.confidential_record": "A record the report draws on is above internal.",
  "reports.problem.source_unreadable": "The source of a quotation is not one you may read.",
  "reports.problem.source_changed": "A quotation no longer matches its source.",
  "reports.problem.statistic_not_computed": "A statistic has not been computed yet.",
  "reports.problem.identities_unreadable":
    "The identifying data of {count} person(s) could not be opened: the check could not look for it.",
  // imports and exports
  "imports.not_found":
    "No such import, upload or mapping (an uploaded file is kept for 24 hours, for the person who sent it).",
  "imports.already_running": "This file is being imported already: follow that import.",
  "imports.empty_file": "The file is empty: it needs a header row with the column names.",
  "imports.unsupported_format":
    "This is not a CSV or XLSX file (old .xls workbooks are not read: save the file as .xlsx or CSV).",
  "imports.unclosed_quote":
    "A quoted value starting on line {line} is not closed before the end of the file.",
  "imports.malformed_csv": "The file cannot be read as CSV from line {line}.",
  "imports.unreadable_xlsx": "The workbook cannot be read: save it again as .xlsx or CSV.",
  "imports.interrupted":
    "The import was interrupted (the server stopped); nothing was written. Start it again.",
  "field.import_no_column": "The file has no column “{column}”.",
  "field.import_event_conflict": "Differs from what this event's first row (line {line}) says.",
  // press releases
  "press-releases.not_found": "No such press release.",
  "press-releases.transition_not_allowed": "This step is not open now (the press release is {status}).",
  "press-releases.title_needed": "Give a title in at least one language.",
  "press-releases.publish_at_past": "Must be a time still to come.",
  "press-releases.text_locked":
    "Fixed while the press release is scheduled or published: return it to draft (or unpublish it) to change this.",
  "press-releases.restricted":
    "A press release restricted to named members cannot be scheduled or published: lift the restriction first.",
  "press-releases.published_public": "A published press release is public: unpublish it to change its level.",
  "press-releases.image_type": "Only PNG, JPEG, WebP and GIF images are accepted.",
  "press-releases.image_corrupt": "The stored image does not match its checksum: it is not served.",
  "field.image_type": "Not a PNG, JPEG, WebP or GIF image (its contents decide, not its name).",
  // mailing list
  "mailings.not_found": "No such mailing.",
  "audit.chain_key_mismatch":
    "The audit chain is keyed under master key {chainKey}, not the loaded key {loadedKey}: start with the right master key, or finish the key rotation.",
  "audit.bad_expected_head":
    "--expect-head must be written SEQ:HASH: a sequence number, a colon and the 64 hex digits printed by `rapporteur audit verify`.",
  "keys.rotation_unfinished":
    "A master-key rotation is unfinished ({file} is present): run `rapporteur keys rotate` again to finish it, then start the server.",
  "keys.new_key_required":
    "The master key comes from RAPPORTEUR_MASTER_KEY: give the new key with --new-key-file FILE (32 bytes, base64 or hex).",
  "keys.same_key": "The new master key is the current one: give another key.",
  "keys.next_key_mismatch":
    "The new key given (id {given}) is not the one this unfinished rotation started with (id {started}): give that key again.",
  "keys.chain_broken":
    "The audit chain is broken at seq {seq} ({kind}): rotation refused, since relinking under the new key would hide it. Investigate with `rapporteur audit verify`, or rotate anyway with --force.",
  "keys.unknown_key":
    "Row {id} of {table} is sealed under master key {keyId}, neither the current nor the new key: rotation stopped, the old key file is kept.",
  "keys.unlisted_table":
    "Table {table} holds wrapped data keys but is not in the list of sealed tables (src/server/platform/crypto/sealed-tables.ts): rotation refused, so that no record is left under the old key.",
  "keys.verify_failed":
    "Verification failed: row {id} of {table} does not open under the new key; the old key file is kept.",
  "mailings.not_published": "Only a published, public press release can be sent to the mailing list.",
  "mailings.already_sent":
    "This press release was sent to the mailing list already: confirm that it should go out again.",
};

const ko: Catalog = {
  "records.not_found": "찾을 수 없습니다.",
  "portal.not_found": "이 주소에 게시된 페이지가 없습니다.",
  "access.forbidden": "이 작업을 할 권한이 없습니다.",
  "auth.required": "먼저 로그인하십시오.",
  "auth.invalid_credentials": "이메일 또는 비밀번호가 올바르지 않습니다.",
  "auth.locked": "로그인 실패가 너무 많아 이 계정은 {minutes}분 동안 잠겼습니다.",
  "sessions.not_found": "열려 있는 해당 세션이 없습니다.",
  "auth.csrf_failed": "양식 토큰이 없거나 올바르지 않습니다. 페이지를 새로 고친 뒤 다시 시도하십시오.",
  "auth.token_scope": "이 API 토큰으로는 이 작업을 할 수 없습니다.",
  rate_limited: "요청이 너무 많습니다. {seconds}초 후에 다시 시도하십시오.",
  "request.validation_failed": "올바르지 않은 항목이 있습니다.",
  "request.invalid_json": "요청 본문이 올바른 JSON이 아닙니다.",
  "request.too_large": "요청 본문이 너무 큽니다.",
  "request.unsupported_media_type": "여기서는 이 콘텐츠 유형을 받지 않습니다.",
  "request.route_not_found": "그런 주소가 없습니다.",
  "request.invalid_url": "주소가 올바르지 않습니다. % 인코딩을 확인하십시오.",
  "request.url_too_long": "주소가 너무 깁니다.",
  "records.version_conflict":
    "이 기록을 연 뒤 다른 사람이 변경했습니다. 다시 불러와 변경 사항을 다시 적용하십시오.",
  "records.duplicate": "같은 {field} 값의 기록이 이미 있습니다.",
  "attachments.corrupt": "저장된 파일이 체크섬과 일치하지 않아 제공하지 않습니다.",
  "attachments.too_large": "파일이 제한 크기 {limit}바이트보다 큽니다.",
  "attachments.mime_not_allowed": "{mime} 형식의 파일은 받지 않습니다.",
  "demo.incomplete":
    "{where}의 데모 데이터가 불완전합니다. 이전 실행이 데이터를 불러오는 중에 중단되었습니다. 삭제한 뒤 다시 시작하십시오.",
  "persons.identity_unreadable":
    "이 사람의 식별 정보를 열 수 없습니다(마스터 키가 다르거나 저장된 데이터가 변경됨). 아무것도 표시하지 않습니다.",
  internal: "서버에서 문제가 발생했습니다. 아무것도 변경되지 않았습니다. 다시 시도하십시오.",
  "storage.unavailable":
    "지금은 데이터 저장소에 쓸 수 없습니다(공간 부족 또는 읽기 전용). 아무것도 변경되지 않았습니다.",
  "storage.full":
    "데이터 저장소의 디스크가 가득 찼습니다. 이번 변경은 저장되지 않았으며 이전에 저장된 내용은 그대로입니다. 관리자에게 공간 확보를 요청한 뒤 다시 시도하십시오.",
  "storage.read_only":
    "지금은 데이터 저장소가 읽기 전용입니다. 이번 변경은 저장되지 않았으며 이전에 저장된 내용은 그대로입니다. 나중에 다시 시도하십시오.",
  "storage.data_dir_read_only":
    "시작할 수 없습니다: 데이터 디렉터리 {where}가 읽기 전용입니다. 쓰기 가능하게(또는 읽기-쓰기로 마운트) 한 뒤 다시 시작하십시오.",
  "backup.damaged": "백업 파일이 손상되었습니다({reason}). 아무것도 쓰지 않았습니다.",
  "backup.truncated": "백업 파일이 중간에 잘렸습니다(복사가 끝나지 않았습니까?). 아무것도 쓰지 않았습니다.",
  "backup.wrong_passphrase": "이 백업의 암호문이 틀렸습니다. 아무것도 쓰지 않았습니다.",
  "backup.passphrase_too_short": "백업 암호문은 {min}자 이상이어야 합니다.",
  "backup.passphrase_missing":
    "--passphrase-file FILE 또는 RAPPORTEUR_BACKUP_PASSPHRASE로 백업 암호문을 지정하십시오(물어볼 터미널이 없습니다).",
  "backup.target_not_empty":
    "{where}에 이미 데이터가 있습니다. 백업은 빈 데이터 디렉터리와 빈 데이터베이스에만 복원합니다.",
  "backup.newer_schema":
    "이 백업은 더 새로운 버전의 Rapporteur(스키마 {version})로 만들었습니다. 업그레이드한 뒤 복원하십시오.",
  "backup.other_dialect":
    "이 백업은 {from} 데이터베이스에서 만들었으므로 {to}가 아닌 {from}에만 복원합니다. DATABASE_URL을 설정하거나 해제하십시오.",
  "backup.master_key_differs":
    "RAPPORTEUR_MASTER_KEY가 백업의 마스터 키와 다릅니다. 해제하거나(백업의 키가 master.key에 기록됨) 백업의 키로 설정하십시오.",
  "backup.no_master_key":
    "{where}에 마스터 키가 없습니다. 아직 백업할 것이 없습니다(서버를 시작한 적이 있습니까?).",
  "backup.file_exists": "{file}이(가) 이미 있습니다. 백업은 새 파일에만 씁니다.",
  "backup.no_database": "{where}에 데이터베이스가 없습니다. --data-dir을 확인하십시오.",
  "backup.passphrases_differ": "두 암호문이 다릅니다. 아무것도 쓰지 않았습니다.",
  "demo.real_data_present":
    "데모를 시작하지 않습니다: {where}에 데모가 아닌 임무가 있습니다. 빈 데이터 디렉터리(--data-dir)나 데이터베이스를 지정하십시오.",
  "field.required": "필수 항목입니다.",
  "field.invalid_type": "{expected} 형식이어야 합니다.",
  "field.too_long": "최대 {max}자입니다.",
  "field.too_short": "최소 {min}자입니다.",
  "field.too_big": "최대 {max}입니다.",
  "field.file_too_large": "파일이 제한 크기 {limit}바이트보다 큽니다.",
  "field.content_mismatch": "파일 내용이 보낸 형식({mime})과 다릅니다. 올바른 파일을 선택하십시오.",
  "field.not_text": "텍스트({mime})로 보냈지만 파일에 바이너리 데이터(NUL 또는 제어 바이트)가 있습니다.",
  "field.too_small": "최소 {min}입니다.",
  "field.invalid_value": "다음 중 하나여야 합니다: {options}.",
  "field.unknown": "알 수 없는 항목입니다.",
  "field.invalid_format": "형식이 올바르지 않습니다.",
  "field.invalid_date": "YYYY, YYYY-MM 또는 YYYY-MM-DD 형식의 실제 날짜를 입력하십시오.",
  "field.unknown_term": "{list} 목록에 없는 용어입니다.",
  "field.retired_term": "사용이 중지된 용어입니다. 다른 용어를 선택하십시오.",
  "field.unknown_reference": "그런 기록이 없거나 사용할 수 없는 기록입니다.",
  "field.other_mandate": "다른 임무에 속한 기록입니다.",
  "field.taken": "이미 사용 중입니다.",
  "field.weak_password": "12자 이상을 사용하십시오.",
  // passwords and second factors
  "field.password_too_short": "{min}자 이상을 사용하십시오.",
  "field.password_too_long": "최대 {max}자까지 사용할 수 있습니다.",
  "field.password_too_common": "가장 흔한 비밀번호 중 하나입니다. 다른 비밀번호를 선택하십시오.",
  "field.password_is_email": "비밀번호는 이메일 주소나 @ 앞부분과 같을 수 없습니다.",
  "field.wrong_code": "코드가 올바르지 않거나 이미 사용되었습니다.",
  "field.wrong_password": "비밀번호가 올바르지 않습니다.",
  "auth.enrolment_required": "이 역할에는 2단계 인증이 필요합니다. 먼저 인증 앱이나 패스키를 설정하십시오.",
  "auth.sign_in_expired": "로그인 시간이 만료되었습니다. 이메일과 비밀번호를 다시 입력하십시오.",
  "auth.second_factor_failed": "2단계 인증이 승인되지 않았습니다.",
  "second_factor.totp_enabled": "인증 앱이 이미 설정되어 있습니다. 먼저 해제하십시오.",
  "second_factor.totp_not_started": "먼저 인증 앱 설정을 시작하십시오.",
  "second_factor.totp_not_enabled": "설정된 인증 앱이 없습니다.",
  "second_factor.no_passkey": "이 계정에는 패스키가 없습니다.",
  "passkeys.not_found": "그런 패스키가 없습니다.",
  "passkeys.challenge_expired": "패스키 요청이 만료되었거나 이미 사용되었습니다. 다시 시도하십시오.",
  "passkeys.not_verified": "패스키를 확인할 수 없습니다.",
  "field.invalid": "올바르지 않습니다.",
  "field.nul_character": "저장할 수 없는 NUL 문자가 들어 있습니다.",
  "search.date_range": "시작 날짜보다 앞설 수 없습니다.",
  "import.restriction_unsupported":
    "가져오기에서는 기록을 특정 사용자로 제한할 수 없습니다. 가져온 뒤 제한하십시오.",
  "communications.letter_locked": "승인된 서한입니다. 본문을 고치려면 초안으로 되돌리십시오.",
  "communications.publish_before_sent": "발송일({sentOn})보다 앞설 수 없습니다.",
  "communications.not_sent": "발송된 서한에만 답변을 기록할 수 있습니다.",
  "communications.transition_not_allowed": "지금은 이 단계를 진행할 수 없습니다 (서한 상태: {status}).",
  "meetings.participants_pseudonymous":
    "시민사회와 피해자는 실명이 아닌 인물 코드(가명)로만 기록합니다: {names}은(는) 이 위임사항의 인물 코드가 아닙니다.",
  "saved-searches.not_found": "그런 저장된 검색이 없습니다.",
  "notifications.not_found": "그런 알림이 없습니다.",
  "outbox.not_found": "발송함에 그런 이메일이 없습니다.",
  // reports
  "reports.not_found": "그런 보고서가 없습니다.",
  "reports.locked": "보고서가 {status} 상태입니다. 고치려면 다시 여십시오.",
  "reports.metadata_locked": "최종 확정된 보고서입니다. 이 항목을 고치려면 특별보고관이 다시 열어야 합니다.",
  "reports.symbol_format":
    "이 종류의 보고서에 맞는 문서 기호가 아닙니다: A/72/394(총회), A/HRC/37/56(인권이사회), A/HRC/37/56/Add.2(방문 보고서).",
  "reports.transition_not_allowed": "지금은 이 단계를 진행할 수 없습니다 (보고서 상태: {status}).",
  "reports.publication_blocked":
    "아직 보고서를 공개할 수 없습니다: 공개 점검에서 나온 문제 {count}건이 해결되지도, 특별보고관이 예외 승인하지도 않았습니다.",
  "reports.problem.consent": "인용문이 출처가 동의한 범위를 넘습니다.",
  "reports.problem.identifying_data": "본문에 어떤 사람의 식별 정보가 있습니다.",
  "reports.problem.reprisal_risk": "보복 위험이 높은 증인의 가명이 본문에 있습니다.",
  "reports.problem.small_cell": "통계표에 행위 1~2건인 칸이 {count}개 있어 특정인을 가리킬 수 있습니다.",
  "reports.problem.confidential_record": "보고서가 참조하는 기록의 등급이 내부용보다 높습니다.",
  "reports.problem.source_unreadable": "인용문의 출처를 열람할 권한이 없습니다.",
  "reports.problem.source_changed": "인용문이 더 이상 출처와 일치하지 않습니다.",
  "reports.problem.statistic_not_computed": "아직 집계하지 않은 통계가 있습니다.",
  "reports.problem.identities_unreadable": "{count}명의 식별 정보를 열 수 없어 점검하지 못했습니다.",
  // imports and exports
  "imports.not_found":
    "그런 가져오기, 업로드 또는 매핑이 없습니다(업로드한 파일은 올린 사람을 위해 24시간 동안 보관됩니다).",
  "imports.already_running": "이 파일은 이미 가져오는 중입니다. 그 가져오기를 확인하십시오.",
  "imports.empty_file": "파일이 비어 있습니다. 열 이름이 있는 머리글 행이 필요합니다.",
  "imports.unsupported_format":
    "CSV 또는 XLSX 파일이 아닙니다(이전 .xls 통합 문서는 읽지 않습니다. .xlsx 또는 CSV로 저장하십시오).",
  "imports.unclosed_quote": "{line}행에서 시작한 따옴표 값이 파일 끝까지 닫히지 않았습니다.",
  "imports.malformed_csv": "{line}행부터 파일을 CSV로 읽을 수 없습니다.",
  "imports.unreadable_xlsx": "통합 문서를 읽을 수 없습니다. .xlsx 또는 CSV로 다시 저장하십시오.",
  "imports.interrupted":
    "가져오기가 중단되었습니다(서버 중지). 아무것도 기록되지 않았습니다. 다시 시작하십시오.",
  "field.import_no_column": "파일에 “{column}” 열이 없습니다.",
  "field.import_event_conflict": "이 사건의 첫 행({line}행)과 다릅니다.",
  // press releases
  "press-releases.not_found": "그런 보도자료가 없습니다.",
  "press-releases.transition_not_allowed": "지금은 이 단계를 진행할 수 없습니다 (보도자료 상태: {status}).",
  "press-releases.title_needed": "적어도 한 언어로 제목을 입력하십시오.",
  "press-releases.publish_at_past": "앞으로 올 시각이어야 합니다.",
  "press-releases.text_locked":
    "예약되었거나 공개된 보도자료는 고칠 수 없습니다. 고치려면 초안으로 되돌리거나 공개를 취소하십시오.",
  "press-releases.restricted":
    "특정 구성원으로 제한된 보도자료는 예약하거나 공개할 수 없습니다. 먼저 제한을 해제하십시오.",
  "press-releases.published_public":
    "공개된 보도자료는 공개 등급입니다. 등급을 바꾸려면 공개를 취소하십시오.",
  "press-releases.image_type": "PNG, JPEG, WebP, GIF 이미지만 받습니다.",
  "press-releases.image_corrupt": "저장된 이미지가 체크섬과 일치하지 않아 제공하지 않습니다.",
  "field.image_type": "PNG, JPEG, WebP, GIF 이미지가 아닙니다(파일 이름이 아니라 내용으로 판단합니다).",
  // mailing list
  "mailings.not_found": "그런 메일 발송이 없습니다.",
  "audit.chain_key_mismatch":
    "감사 체인은 마스터 키 {chainKey}(으)로 연결되어 있으며, 불러온 키 {loadedKey}가 아닙니다. 올바른 마스터 키로 시작하거나 키 교체를 마치십시오.",
  "audit.bad_expected_head":
    "--expect-head는 SEQ:HASH 형식이어야 합니다. 일련번호, 콜론, 그리고 `rapporteur audit verify`가 출력한 16진수 64자리입니다.",
  "keys.rotation_unfinished":
    "마스터 키 교체가 끝나지 않았습니다({file} 파일이 있습니다). `rapporteur keys rotate`를 다시 실행하여 마친 뒤 서버를 시작하십시오.",
  "keys.new_key_required":
    "마스터 키를 RAPPORTEUR_MASTER_KEY에서 가져오고 있습니다. 새 키를 --new-key-file FILE(32바이트, base64 또는 16진수)로 지정하십시오.",
  "keys.same_key": "새 마스터 키가 현재 키와 같습니다. 다른 키를 지정하십시오.",
  "keys.next_key_mismatch":
    "지정한 새 키(ID {given})는 끝나지 않은 교체가 시작할 때 쓴 키(ID {started})가 아닙니다. 그 키를 다시 지정하십시오.",
  "keys.chain_broken":
    "감사 체인이 일련번호 {seq}에서 끊어졌습니다({kind}). 새 키로 다시 연결하면 이를 숨기게 되므로 교체를 거부합니다. `rapporteur audit verify`로 조사하거나 --force로 교체를 강행하십시오.",
  "keys.unknown_key":
    "{table}의 행 {id}은(는) 현재 키도 새 키도 아닌 마스터 키 {keyId}(으)로 봉인되어 있습니다. 교체를 멈췄으며 이전 키 파일은 유지됩니다.",
  "keys.unlisted_table":
    "{table} 테이블에 감싼 데이터 키가 있지만 봉인 테이블 목록(src/server/platform/crypto/sealed-tables.ts)에 없습니다. 이전 키로 남는 레코드가 없도록 교체를 거부합니다.",
  "keys.verify_failed":
    "검증 실패: {table}의 행 {id}이(가) 새 키로 열리지 않습니다. 이전 키 파일은 유지됩니다.",
  "mailings.not_published": "공개된 보도자료만 메일링 리스트로 보낼 수 있습니다.",
  "mailings.already_sent": "이 보도자료는 이미 메일링 리스트로 보냈습니다. 다시 보낼지 확인하십시오.",
};

const catalogs: Record<Locale, Catalog> = { en, ko };

/** Every message code, so a test can check both languages cover the same set. */
export const messageCodes = { en: Object.keys(en), ko: Object.keys(ko) };

/** Renders a message in the locale, falling back to English, then to the code itself. */
export function translate(
  locale: Locale,
  code: string,
  params: Record<string, string | number> = {},
): string {
  const template = catalogs[locale][code] ?? en[code] ?? code;
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}

/** Picks the best supported locale from an Accept-Language header (q-values honoured). */
export function pickLocale(header: string | undefined): Locale {
  if (!header) return "en";
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", ...rest] = part.trim().split(";");
      const q = rest.find((r) => r.trim().startsWith("q="));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith("ko")) return "ko";
    if (tag.startsWith("en")) return "en";
  }
  return "en";
}
