-- The floor with shared commits: the same three rows a submit as raw_submit.sql, :shared submits a transaction, one
-- statement a table (as the hub's shared commit writes them). The most a hub's coalescing could take off the floor's cost.
\set n random(1, 9000000000000000)
BEGIN;
INSERT INTO dossiers (id, code, procedure_code, agency_code, applicant_kind, applicant_id_number, applicant_name, applicant_address, contact_phone, contact_email, summary, received_at, due_at, service_level, channel, documents, fees, status, version, submitted_by, created_at, updated_at, processing_ended_at, result_returned_at, rejected_at) SELECT gen_random_uuid(), '000.00.01.H22-261202-' || :n || '-' || g, '1.001193', '000.00.01.H22', 1, '001203012345', 'Nguyễn Văn An',
  'Số 1 đường Trần Phú, Hà Giang', '0912345678', 'an@example.vn', 'Đăng ký khai sinh cho con', now(), now() + interval '3 days', 4, 2,
  '[{"code":"TP1","name":"Tờ khai đăng ký khai sinh","mediaType":"application/pdf","size":123456,"sha256":"3b7f4e9c0d1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4","url":"https://kho.example.vn/tp1.pdf"}]',
  '[{"code":"LP1","name":"Lệ phí","amount":8000}]', 1, 1, 'sample-agency', now(), now(), NULL, NULL, NULL
  FROM generate_series(1, :shared) g;
INSERT INTO outbox_messages (dossier_id, target, kind, dossier_version, payload, status, attempts, created_at, next_attempt_at)
  SELECT gen_random_uuid(), 'national-portal', 'dossier', 1,
  '{"MaHoSo":"000.00.01.H22-261202-0001","MaTTHC":"1.001193","TenTTHC":"Đăng ký khai sinh","MaLinhVuc":"G01","TenLinhVuc":"Hộ tịch","KenhThucHien":"2","ChuHoSo":"Nguyễn Văn An","LoaiDoiTuong":"1","MaDoiTuong":"001203012345","ThongTinKhac":"","Email":"an@example.vn","Fax":"","SoDienThoai":"0912345678","TrichYeuHoSo":"Đăng ký khai sinh cho con","NgayTiepNhan":"20261202093000","NgayHenTra":"20261205093000","TrangThaiHoSo":"2","NgayTra":"","ThongTinTra":"","HinhThuc":"0","NgayKetThucXuLy":"","DonViXuLy":"Sở Tư pháp","GhiChu":"","TaiLieuNop":[{"TepDinhKemId":"1","TenTepDinhKem":"Tờ khai","IsDeleted":"False","MaThanhPhanHoSo":"TP1","DuongDanTaiTepTin":"https://kho.example.vn/tp1.pdf"}]}',
  0, 0, now(), now()
  FROM generate_series(1, :shared) g;
INSERT INTO idempotency_records (client_id, request_id, operation, fingerprint, response, created_at) SELECT 'sample-agency', gen_random_uuid()::text, 'SubmitDossier', '\x00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff', '{"dossierCode":"000.00.01.H22-261202-0001","status":1,"version":1}', now()
  FROM generate_series(1, :shared) g;
COMMIT;
