BEGIN TRANSACTION;
CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
INSERT INTO "alembic_version" VALUES('0001_initial');
CREATE TABLE api_tokens (
	id INTEGER NOT NULL, 
	user_id INTEGER NOT NULL, 
	label VARCHAR(120) NOT NULL, 
	token_hash VARCHAR(64) NOT NULL, 
	created_at DATETIME NOT NULL, 
	last_used_at DATETIME, 
	revoked_at DATETIME, 
	CONSTRAINT pk_api_tokens PRIMARY KEY (id), 
	CONSTRAINT fk_api_tokens_user_id_users FOREIGN KEY(user_id) REFERENCES users (id) ON DELETE CASCADE, 
	CONSTRAINT uq_api_tokens_token_hash UNIQUE (token_hash)
);
INSERT INTO "api_tokens" VALUES(1,1,'CMS','fc727175508b2bef1760152ccf7176e3075bd587e333397f39430f7c1ab4a67d','2026-12-03 07:44:13.451579',NULL,NULL);
CREATE TABLE documents (
	id INTEGER NOT NULL, 
	source_lang VARCHAR(2) NOT NULL, 
	target_lang VARCHAR(2) NOT NULL, 
	category VARCHAR(40) NOT NULL, 
	title TEXT NOT NULL, 
	summary TEXT NOT NULL, 
	body_html TEXT NOT NULL, 
	state VARCHAR(20) NOT NULL, 
	created_by INTEGER, 
	assigned_to INTEGER, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	published_at DATETIME, 
	CONSTRAINT pk_documents PRIMARY KEY (id), 
	CONSTRAINT fk_documents_assigned_to_users FOREIGN KEY(assigned_to) REFERENCES users (id) ON DELETE SET NULL, 
	CONSTRAINT fk_documents_created_by_users FOREIGN KEY(created_by) REFERENCES users (id) ON DELETE SET NULL
);
INSERT INTO "documents" VALUES(1,'vi','en','handicrafts','Nghệ nhân làng nghề và nhà thiết kế trẻ cùng ra mắt 40 sản phẩm mới','Sau 6 tháng làm việc chung, 12 nghệ nhân đến từ 5 làng nghề của Hà Nội và 20 nhà thiết kế trẻ đã giới thiệu bộ sưu tập 40 sản phẩm kết hợp kỹ thuật truyền thống với ngôn ngữ thiết kế đương đại.','<p>Triển lãm <strong>“Chạm”</strong> khai mạc ngày 6/7/2024 tại Hà Nội, khép lại chương trình kết nối nghệ nhân với nhà thiết kế do Hiệp hội Làng nghề Hà Nội khởi xướng. Tham gia chương trình có 12 nghệ nhân, trong đó 3 người mang danh hiệu nghệ nhân ưu tú. Họ đến từ làng gốm Bát Tràng, làng sơn mài Hạ Thái, làng khảm trai Chuyên Mỹ, làng lụa Vạn Phúc và làng mây tre đan Phú Vinh. Mỗi nghệ nhân làm việc cùng một hoặc hai nhà thiết kế, phần lớn mới ra trường, với yêu cầu tạo ra những đồ vật dùng được trong đời sống hằng ngày.</p>
<p>Mỗi sản phẩm đều mang một câu chuyện riêng. Ở Bát Tràng, một nghệ nhân ưu tú 62 tuổi cùng hai nhà thiết kế đã làm ra bộ ấm chén <em>men rạn</em> màu xanh rêu, lấy cảm hứng từ mái ngói phố cổ. Nhóm ở Chuyên Mỹ thì đưa khảm trai lên những chiếc đèn bàn tối giản, thay cho các bức tranh cỡ lớn vốn ngày càng khó bán. “Trước đây tôi chỉ làm theo mẫu cũ của các cụ, giờ các bạn trẻ giúp tôi nhìn sản phẩm bằng con mắt của người dùng,” bà Đỗ Thị Hạnh, một nghệ nhân sơn mài ở Hạ Thái, chia sẻ.</p>
<figure>
  <img src="/media/2024/07/den-ban-kham-trai-chuyen-my.jpg" alt="Đèn bàn khảm trai do nghệ nhân Chuyên Mỹ và nhà thiết kế trẻ cùng thực hiện">
  <figcaption>Chiếc đèn bàn khảm trai là một trong 40 sản phẩm được giới thiệu tại triển lãm. Ảnh: Thanh Tùng</figcaption>
</figure>
<p>Theo số liệu công bố tại lễ khai mạc, Hà Nội hiện có khoảng 1.350 làng nghề và làng có nghề, thu hút hơn 800.000 lao động, song chỉ khoảng 15% trong số này dưới 30 tuổi. Nhiều nghề thủ công truyền thống gắn với tri thức dân gian là một phần quý giá của di sản văn hoá phi vật thể, nhưng đang đứng trước nguy cơ không có người kế nghiệp. Đại diện Sở Văn hoá và Thể thao Hà Nội cho rằng kết nối nghệ nhân với giới thiết kế là hướng đi thiết thực để phát triển công nghiệp văn hoá, đồng thời tăng thu nhập cho người làm nghề.</p>
<p>Ngay trong ngày khai mạc, 14 sản phẩm đã nhận được đơn đặt hàng từ các cửa hàng lưu niệm và khách sạn, tổng trị giá khoảng 620 triệu đồng (khoảng 24.400 USD). Triển lãm mở cửa miễn phí đến ngày 4/8; danh mục sản phẩm và thông tin liên hệ của các nhóm được đăng tải tại <a href="https://example.org/trien-lam-cham" rel="noopener noreferrer">trang của chương trình</a>.</p>','post-editing',1,NULL,'2026-12-03 07:44:05.203449','2026-12-03 07:44:13.410769',NULL);
CREATE TABLE glossary_entries (
	id INTEGER NOT NULL, 
	external_id VARCHAR(64), 
	kind VARCHAR(8) NOT NULL, 
	domain VARCHAR(32) NOT NULL, 
	vi VARCHAR(400) NOT NULL, 
	en VARCHAR(400) NOT NULL, 
	vi_variants JSON NOT NULL, 
	en_variants JSON NOT NULL, 
	en_forbidden JSON NOT NULL, 
	vi_forbidden JSON NOT NULL, 
	note TEXT NOT NULL, 
	status VARCHAR(12) NOT NULL, 
	revision INTEGER NOT NULL, 
	search_key TEXT NOT NULL, 
	created_by VARCHAR(120) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_by VARCHAR(120) NOT NULL, 
	updated_at DATETIME NOT NULL, 
	CONSTRAINT pk_glossary_entries PRIMARY KEY (id), 
	CONSTRAINT ck_glossary_entries_kind CHECK (kind IN ('term', 'name', 'dnt')), 
	CONSTRAINT ck_glossary_entries_status CHECK (status IN ('proposed', 'approved', 'deprecated')), 
	CONSTRAINT uq_glossary_entries_external_id UNIQUE (external_id)
);
INSERT INTO "glossary_entries" VALUES(1,'1','term','unesco','Mạng lưới các Thành phố Sáng tạo của UNESCO','UNESCO Creative Cities Network','["M\u1ea1ng l\u01b0\u1edbi Th\u00e0nh ph\u1ed1 S\u00e1ng t\u1ea1o UNESCO", "M\u1ea1ng l\u01b0\u1edbi c\u00e1c th\u00e0nh ph\u1ed1 s\u00e1ng t\u1ea1o UNESCO"]','["UCCN"]','[]','[]','Official name; abbreviation UCCN may follow in parentheses','approved',1,'
mạng lưới các thành phố sáng tạo của unesco
mạng lưới thành phố sáng tạo unesco
mạng lưới các thành phố sáng tạo unesco
unesco creative cities network
uccn
','seed','2026-12-03 07:44:04.439360','seed','2026-12-03 07:44:04.439360');
INSERT INTO "glossary_entries" VALUES(2,'2','term','unesco','Thành phố Sáng tạo','Creative City','[]','["Creative Cities"]','[]','[]','Capitalise when it is the UNESCO designation','approved',1,'
thành phố sáng tạo
creative city
creative cities
','seed','2026-12-03 07:44:04.450494','seed','2026-12-03 07:44:04.450494');
INSERT INTO "glossary_entries" VALUES(3,'3','term','unesco','lĩnh vực Thiết kế','field of Design','[]','[]','[]','[]','Hanoi joined the network in the field of Design (2019)','approved',1,'
lĩnh vực thiết kế
field of design
','seed','2026-12-03 07:44:04.450888','seed','2026-12-03 07:44:04.450888');
INSERT INTO "glossary_entries" VALUES(4,'4','term','unesco','Thành phố Sáng tạo Thiết kế','Creative City of Design','["th\u00e0nh ph\u1ed1 s\u00e1ng t\u1ea1o v\u1ec1 thi\u1ebft k\u1ebf", "Th\u00e0nh ph\u1ed1 S\u00e1ng t\u1ea1o trong l\u0129nh v\u1ef1c Thi\u1ebft k\u1ebf"]','["City of Design", "Creative Cities of Design"]','["Design Creative City"]','[]','','approved',1,'
thành phố sáng tạo thiết kế
thành phố sáng tạo về thiết kế
thành phố sáng tạo trong lĩnh vực thiết kế
creative city of design
city of design
creative cities of design
design creative city
','seed','2026-12-03 07:44:04.451144','seed','2026-12-03 07:44:04.451144');
INSERT INTO "glossary_entries" VALUES(5,'5','term','unesco','Mục tiêu Phát triển Bền vững','Sustainable Development Goals','["c\u00e1c m\u1ee5c ti\u00eau ph\u00e1t tri\u1ec3n b\u1ec1n v\u1eefng"]','["SDGs", "Sustainable Development Goal"]','[]','[]','UN 2030 Agenda','approved',1,'
mục tiêu phát triển bền vững
các mục tiêu phát triển bền vững
sustainable development goals
sdgs
sustainable development goal
','seed','2026-12-03 07:44:04.451545','seed','2026-12-03 07:44:04.451545');
INSERT INTO "glossary_entries" VALUES(6,'6','term','unesco','Chương trình Nghị sự 2030','2030 Agenda for Sustainable Development','["Ch\u01b0\u01a1ng tr\u00ecnh ngh\u1ecb s\u1ef1 2030 v\u00ec s\u1ef1 ph\u00e1t tri\u1ec3n b\u1ec1n v\u1eefng"]','["2030 Agenda"]','[]','[]','','approved',1,'
chương trình nghị sự 2030
chương trình nghị sự 2030 vì sự phát triển bền vững
2030 agenda for sustainable development
2030 agenda
','seed','2026-12-03 07:44:04.451929','seed','2026-12-03 07:44:04.451929');
INSERT INTO "glossary_entries" VALUES(7,'7','term','unesco','di sản văn hóa phi vật thể','intangible cultural heritage','[]','["intangible heritage"]','["non-material cultural heritage"]','[]','','approved',1,'
di sản văn hoá phi vật thể
intangible cultural heritage
intangible heritage
non material cultural heritage
','seed','2026-12-03 07:44:04.452301','seed','2026-12-03 07:44:04.452301');
INSERT INTO "glossary_entries" VALUES(8,'8','term','unesco','di sản văn hóa vật thể','tangible cultural heritage','[]','[]','["material cultural heritage"]','[]','','approved',1,'
di sản văn hoá vật thể
tangible cultural heritage
material cultural heritage
','seed','2026-12-03 07:44:04.452655','seed','2026-12-03 07:44:04.452655');
INSERT INTO "glossary_entries" VALUES(9,'9','term','unesco','Di sản Thế giới','World Heritage','[]','["World Heritage Site", "World Heritage Sites"]','[]','[]','','approved',1,'
di sản thế giới
world heritage
world heritage site
world heritage sites
','seed','2026-12-03 07:44:04.452927','seed','2026-12-03 07:44:04.452927');
INSERT INTO "glossary_entries" VALUES(10,'10','term','unesco','Văn phòng UNESCO tại Việt Nam','UNESCO Office in Viet Nam','["V\u0103n ph\u00f2ng \u0111\u1ea1i di\u1ec7n UNESCO t\u1ea1i Vi\u1ec7t Nam"]','["UNESCO Viet Nam Office"]','[]','[]','','approved',1,'
văn phòng unesco tại việt nam
văn phòng đại diện unesco tại việt nam
unesco office in viet nam
unesco viet nam office
','seed','2026-12-03 07:44:04.453238','seed','2026-12-03 07:44:04.453238');
INSERT INTO "glossary_entries" VALUES(11,'11','term','unesco','công nghiệp văn hóa','cultural industries','["c\u00e1c ng\u00e0nh c\u00f4ng nghi\u1ec7p v\u0103n h\u00f3a"]','["cultural industry"]','[]','[]','','approved',1,'
công nghiệp văn hoá
các ngành công nghiệp văn hoá
cultural industries
cultural industry
','seed','2026-12-03 07:44:04.453561','seed','2026-12-03 07:44:04.453561');
INSERT INTO "glossary_entries" VALUES(12,'12','term','unesco','công nghiệp sáng tạo','creative industries','["c\u00e1c ng\u00e0nh c\u00f4ng nghi\u1ec7p s\u00e1ng t\u1ea1o"]','["creative industry"]','[]','[]','','approved',1,'
công nghiệp sáng tạo
các ngành công nghiệp sáng tạo
creative industries
creative industry
','seed','2026-12-03 07:44:04.453878','seed','2026-12-03 07:44:04.453878');
INSERT INTO "glossary_entries" VALUES(13,'13','term','unesco','không gian sáng tạo','creative space','["c\u00e1c kh\u00f4ng gian s\u00e1ng t\u1ea1o"]','["creative spaces"]','[]','[]','','approved',1,'
không gian sáng tạo
các không gian sáng tạo
creative space
creative spaces
','seed','2026-12-03 07:44:04.454436','seed','2026-12-03 07:44:04.454436');
INSERT INTO "glossary_entries" VALUES(14,'14','term','unesco','kinh tế sáng tạo','creative economy','[]','[]','[]','[]','','approved',1,'
kinh tế sáng tạo
creative economy
','seed','2026-12-03 07:44:04.454775','seed','2026-12-03 07:44:04.454775');
INSERT INTO "glossary_entries" VALUES(15,'15','term','unesco','thiết kế sáng tạo','creative design','[]','[]','[]','[]','','approved',1,'
thiết kế sáng tạo
creative design
','seed','2026-12-03 07:44:04.455034','seed','2026-12-03 07:44:04.455034');
INSERT INTO "glossary_entries" VALUES(16,'16','term','unesco','phát triển bền vững','sustainable development','[]','[]','[]','[]','','approved',1,'
phát triển bền vững
sustainable development
','seed','2026-12-03 07:44:04.455297','seed','2026-12-03 07:44:04.455297');
INSERT INTO "glossary_entries" VALUES(17,'17','term','unesco','Diễn đàn Mạng lưới các Thành phố Sáng tạo Đông Nam Á','Southeast Asian Creative Cities Network Forum','[]','["SEACCN Forum"]','[]','[]','','approved',1,'
diễn đàn mạng lưới các thành phố sáng tạo đông nam á
southeast asian creative cities network forum
seaccn forum
','seed','2026-12-03 07:44:04.455548','seed','2026-12-03 07:44:04.455548');
INSERT INTO "glossary_entries" VALUES(18,'18','term','unesco','Hội nghị thường niên Mạng lưới các Thành phố Sáng tạo của UNESCO','UNESCO Creative Cities Network Annual Conference','[]','["UCCN Annual Conference"]','[]','[]','','approved',1,'
hội nghị thường niên mạng lưới các thành phố sáng tạo của unesco
unesco creative cities network annual conference
uccn annual conference
','seed','2026-12-03 07:44:04.455857','seed','2026-12-03 07:44:04.455857');
INSERT INTO "glossary_entries" VALUES(19,'19','term','unesco','hồ sơ ứng cử','candidacy dossier','["h\u1ed3 s\u01a1 \u1ee9ng c\u1eed gia nh\u1eadp"]','["application dossier"]','[]','[]','','approved',1,'
hồ sơ ứng cử
hồ sơ ứng cử gia nhập
candidacy dossier
application dossier
','seed','2026-12-03 07:44:04.456144','seed','2026-12-03 07:44:04.456144');
INSERT INTO "glossary_entries" VALUES(21,'21','name','org','Sở Văn hóa và Thể thao Hà Nội','Hanoi Department of Culture and Sports','["S\u1edf V\u0103n h\u00f3a v\u00e0 Th\u1ec3 thao th\u00e0nh ph\u1ed1 H\u00e0 N\u1ed9i"]','[]','["Hanoi Culture and Sport Department"]','[]','','approved',1,'
sở văn hoá và thể thao hà nội
sở văn hoá và thể thao thành phố hà nội
hanoi department of culture and sports
hanoi culture and sport department
','seed','2026-12-03 07:44:04.456468','seed','2026-12-03 07:44:04.456468');
INSERT INTO "glossary_entries" VALUES(22,'22','name','org','Ủy ban nhân dân thành phố Hà Nội','Hanoi People''s Committee','["UBND th\u00e0nh ph\u1ed1 H\u00e0 N\u1ed9i", "UBND TP H\u00e0 N\u1ed9i"]','[]','["Hanoi City Council"]','[]','','approved',1,'
uỷ ban nhân dân thành phố hà nội
ubnd thành phố hà nội
ubnd tp hà nội
hanoi people''s committee
hanoi city council
','seed','2026-12-03 07:44:04.456778','seed','2026-12-03 07:44:04.456778');
INSERT INTO "glossary_entries" VALUES(23,'23','name','org','Thành ủy Hà Nội','Hanoi Party Committee','[]','[]','[]','[]','','approved',1,'
thành uỷ hà nội
hanoi party committee
','seed','2026-12-03 07:44:04.457115','seed','2026-12-03 07:44:04.457115');
INSERT INTO "glossary_entries" VALUES(24,'24','name','org','Bộ Chính trị','Politburo','[]','[]','[]','[]','','approved',1,'
bộ chính trị
politburo
','seed','2026-12-03 07:44:04.457378','seed','2026-12-03 07:44:04.457378');
INSERT INTO "glossary_entries" VALUES(25,'25','name','org','Bộ Văn hóa, Thể thao và Du lịch','Ministry of Culture, Sports and Tourism','[]','[]','[]','[]','Names with commas are quoted','approved',1,'
bộ văn hoá, thể thao và du lịch
ministry of culture, sports and tourism
','seed','2026-12-03 07:44:04.457631','seed','2026-12-03 07:44:04.457631');
INSERT INTO "glossary_entries" VALUES(26,'26','name','org','Bộ Ngoại giao','Ministry of Foreign Affairs','[]','[]','[]','[]','','approved',1,'
bộ ngoại giao
ministry of foreign affairs
','seed','2026-12-03 07:44:04.457896','seed','2026-12-03 07:44:04.457896');
INSERT INTO "glossary_entries" VALUES(27,'27','name','org','Trung tâm Thông tin Triển lãm Hà Nội','Hanoi Information and Exhibition Centre','[]','["Hanoi Information and Exhibition Center"]','[]','[]','','approved',1,'
trung tâm thông tin triển lãm hà nội
hanoi information and exhibition centre
hanoi information and exhibition center
','seed','2026-12-03 07:44:04.458316','seed','2026-12-03 07:44:04.458316');
INSERT INTO "glossary_entries" VALUES(28,'28','name','org','Phòng Quản lý Di sản','Heritage Management Division','["Ph\u00f2ng Qu\u1ea3n l\u00fd Di s\u1ea3n V\u0103n h\u00f3a"]','["Cultural Heritage Management Division"]','[]','[]','','approved',1,'
phòng quản lý di sản
phòng quản lý di sản văn hoá
heritage management division
cultural heritage management division
','seed','2026-12-03 07:44:04.458733','seed','2026-12-03 07:44:04.458733');
INSERT INTO "glossary_entries" VALUES(29,'29','name','org','Phòng Kế hoạch Tài chính','Planning and Finance Division','[]','[]','[]','[]','','approved',1,'
phòng kế hoạch tài chính
planning and finance division
','seed','2026-12-03 07:44:04.459050','seed','2026-12-03 07:44:04.459050');
INSERT INTO "glossary_entries" VALUES(30,'30','name','org','Trung tâm Thiết kế Sáng tạo Hà Nội','Hanoi Creative Design Centre','[]','["Hanoi Creative Design Center"]','[]','[]','','approved',1,'
trung tâm thiết kế sáng tạo hà nội
hanoi creative design centre
hanoi creative design center
','seed','2026-12-03 07:44:04.459302','seed','2026-12-03 07:44:04.459302');
INSERT INTO "glossary_entries" VALUES(31,'31','name','org','Lễ hội Thiết kế Sáng tạo Hà Nội','Hanoi Creative Design Festival','[]','[]','[]','[]','','approved',1,'
lễ hội thiết kế sáng tạo hà nội
hanoi creative design festival
','seed','2026-12-03 07:44:04.459599','seed','2026-12-03 07:44:04.459599');
INSERT INTO "glossary_entries" VALUES(32,'32','name','org','Tài năng Sáng tạo Hà Nội','Hanoi Creative Talent','[]','[]','[]','[]','Television programme series','approved',1,'
tài năng sáng tạo hà nội
hanoi creative talent
','seed','2026-12-03 07:44:04.459870','seed','2026-12-03 07:44:04.459870');
INSERT INTO "glossary_entries" VALUES(33,'33','name','org','Hiệp hội Làng nghề Hà Nội','Hanoi Craft Village Association','[]','["Hanoi Craft Villages Association"]','["Hanoi Trade Village Association"]','[]','','approved',1,'
hiệp hội làng nghề hà nội
hanoi craft village association
hanoi craft villages association
hanoi trade village association
','seed','2026-12-03 07:44:04.460130','seed','2026-12-03 07:44:04.460130');
INSERT INTO "glossary_entries" VALUES(34,'34','name','org','Hội Liên hiệp Văn học Nghệ thuật Hà Nội','Hanoi Union of Literature and Arts Associations','[]','[]','[]','[]','','approved',1,'
hội liên hiệp văn học nghệ thuật hà nội
hanoi union of literature and arts associations
','seed','2026-12-03 07:44:04.460412','seed','2026-12-03 07:44:04.460412');
INSERT INTO "glossary_entries" VALUES(35,'35','name','org','Liên hiệp các Hội Khoa học và Kỹ thuật Hà Nội','Hanoi Union of Science and Technology Associations','["Li\u00ean hi\u1ec7p Khoa h\u1ecdc k\u1ef9 thu\u1eadt H\u00e0 N\u1ed9i"]','[]','[]','[]','','approved',1,'
liên hiệp các hội khoa học và kỹ thuật hà nội
liên hiệp khoa học kỹ thuật hà nội
hanoi union of science and technology associations
','seed','2026-12-03 07:44:04.460681','seed','2026-12-03 07:44:04.460681');
INSERT INTO "glossary_entries" VALUES(36,'36','name','org','Câu lạc bộ Doanh nhân Sáng tạo','Creative Entrepreneurs Club','[]','[]','[]','[]','','approved',1,'
câu lạc bộ doanh nhân sáng tạo
creative entrepreneurs club
','seed','2026-12-03 07:44:04.460974','seed','2026-12-03 07:44:04.460974');
INSERT INTO "glossary_entries" VALUES(37,'37','name','org','Hội Nghệ nhân Thợ giỏi','Association of Artisans and Skilled Craftspeople','[]','[]','[]','[]','','approved',1,'
hội nghệ nhân thợ giỏi
association of artisans and skilled craftspeople
','seed','2026-12-03 07:44:04.461300','seed','2026-12-03 07:44:04.461300');
INSERT INTO "glossary_entries" VALUES(38,'38','name','org','Hiệp hội Thiết kế Mẫu và Sáng tạo Mỹ thuật Việt Nam','Viet Nam Association of Pattern Design and Fine Arts Creation','[]','[]','[]','[]','','approved',1,'
hiệp hội thiết kế mẫu và sáng tạo mỹ thuật việt nam
viet nam association of pattern design and fine arts creation
','seed','2026-12-03 07:44:04.461559','seed','2026-12-03 07:44:04.461559');
INSERT INTO "glossary_entries" VALUES(39,'39','dnt','org','Hanoi Design Center','Hanoi Design Center','[]','[]','[]','[]','A creative space named in English; kept as written (not the same entry as id 30)','approved',1,'
hanoi design center
hanoi design center
','seed','2026-12-03 07:44:04.461824','seed','2026-12-03 07:44:04.461824');
INSERT INTO "glossary_entries" VALUES(40,'40','dnt','org','VICAS Art Studio','VICAS Art Studio','["VICAS Arts Studio"]','["VICAS Arts Studio"]','[]','[]','Name of a creative space; keep as written','approved',1,'
vicas art studio
vicas arts studio
vicas art studio
vicas arts studio
','seed','2026-12-03 07:44:04.462071','seed','2026-12-03 07:44:04.462071');
INSERT INTO "glossary_entries" VALUES(41,'41','dnt','org','VCCA','VCCA','[]','[]','[]','[]','Vincom Center for Contemporary Art; keep the acronym','approved',1,'
vcca
vcca
','seed','2026-12-03 07:44:04.462612','seed','2026-12-03 07:44:04.462612');
INSERT INTO "glossary_entries" VALUES(42,'42','dnt','org','Manzi Art Space','Manzi Art Space','[]','[]','[]','[]','Name of a creative space; keep as written','approved',1,'
manzi art space
manzi art space
','seed','2026-12-03 07:44:04.462900','seed','2026-12-03 07:44:04.462900');
INSERT INTO "glossary_entries" VALUES(43,'43','dnt','org','Workroom Four','Workroom Four','["Workroomfour"]','["Workroomfour"]','[]','[]','Name of a creative space; keep as written','approved',1,'
workroom four
workroomfour
workroom four
workroomfour
','seed','2026-12-03 07:44:04.463163','seed','2026-12-03 07:44:04.463163');
INSERT INTO "glossary_entries" VALUES(44,'44','dnt','org','UNESCO','UNESCO','[]','[]','[]','[]','Never translate or expand','approved',1,'
unesco
unesco
','seed','2026-12-03 07:44:04.463468','seed','2026-12-03 07:44:04.463468');
INSERT INTO "glossary_entries" VALUES(45,'45','term','craft','làng nghề','craft village','["l\u00e0ng ngh\u1ec1 truy\u1ec1n th\u1ed1ng"]','["craft villages", "traditional craft village", "traditional craft villages"]','["trade village", "trade villages", "handicraft village"]','[]','Preferred English is craft village','approved',1,'
làng nghề
làng nghề truyền thống
craft village
craft villages
traditional craft village
traditional craft villages
trade village
trade villages
handicraft village
','seed','2026-12-03 07:44:04.463726','seed','2026-12-03 07:44:04.463726');
INSERT INTO "glossary_entries" VALUES(46,'46','term','craft','nghệ nhân','artisan','[]','["artisans"]','[]','[]','','approved',1,'
nghệ nhân
artisan
artisans
','seed','2026-12-03 07:44:04.464113','seed','2026-12-03 07:44:04.464113');
INSERT INTO "glossary_entries" VALUES(47,'47','term','craft','nghệ nhân nhân dân','People''s Artisan','[]','["People''s Artisans"]','[]','[]','State title','approved',1,'
nghệ nhân nhân dân
people''s artisan
people''s artisans
','seed','2026-12-03 07:44:04.464403','seed','2026-12-03 07:44:04.464403');
INSERT INTO "glossary_entries" VALUES(48,'48','term','craft','nghệ nhân ưu tú','Meritorious Artisan','[]','["Meritorious Artisans"]','[]','[]','State title','approved',1,'
nghệ nhân ưu tú
meritorious artisan
meritorious artisans
','seed','2026-12-03 07:44:04.464686','seed','2026-12-03 07:44:04.464686');
INSERT INTO "glossary_entries" VALUES(49,'49','term','craft','nghề thủ công','handicraft','["ngh\u1ec1 th\u1ee7 c\u00f4ng truy\u1ec1n th\u1ed1ng", "th\u1ee7 c\u00f4ng m\u1ef9 ngh\u1ec7"]','["handicrafts", "traditional handicrafts"]','[]','[]','Also the name of a site section','approved',1,'
nghề thủ công
nghề thủ công truyền thống
thủ công mỹ nghệ
handicraft
handicrafts
traditional handicrafts
','seed','2026-12-03 07:44:04.464969','seed','2026-12-03 07:44:04.464969');
INSERT INTO "glossary_entries" VALUES(50,'50','term','craft','gốm sứ','ceramics','["\u0111\u1ed3 g\u1ed1m", "g\u1ed1m"]','["pottery", "ceramic"]','[]','[]','','approved',1,'
gốm sứ
đồ gốm
gốm
ceramics
pottery
ceramic
','seed','2026-12-03 07:44:04.465334','seed','2026-12-03 07:44:04.465334');
INSERT INTO "glossary_entries" VALUES(51,'51','term','craft','sơn mài','lacquer','["tranh s\u01a1n m\u00e0i", "\u0111\u1ed3 s\u01a1n m\u00e0i"]','["lacquerware", "lacquer painting"]','[]','[]','','approved',1,'
sơn mài
tranh sơn mài
đồ sơn mài
lacquer
lacquerware
lacquer painting
','seed','2026-12-03 07:44:04.465709','seed','2026-12-03 07:44:04.465709');
INSERT INTO "glossary_entries" VALUES(52,'52','term','craft','khảm trai','mother-of-pearl inlay','["kh\u1ea3m x\u00e0 c\u1eeb"]','[]','[]','[]','','approved',1,'
khảm trai
khảm xà cừ
mother of pearl inlay
','seed','2026-12-03 07:44:04.466074','seed','2026-12-03 07:44:04.466074');
INSERT INTO "glossary_entries" VALUES(53,'53','term','craft','mây tre đan','rattan and bamboo weaving','["m\u00e2y tre"]','["rattan and bamboo"]','[]','[]','','approved',1,'
mây tre đan
mây tre
rattan and bamboo weaving
rattan and bamboo
','seed','2026-12-03 07:44:04.466510','seed','2026-12-03 07:44:04.466510');
INSERT INTO "glossary_entries" VALUES(54,'54','term','craft','lụa tơ tằm','silk','["l\u1ee5a"]','["silk fabric"]','[]','[]','','approved',1,'
lụa tơ tằm
lụa
silk
silk fabric
','seed','2026-12-03 07:44:04.466850','seed','2026-12-03 07:44:04.466850');
INSERT INTO "glossary_entries" VALUES(55,'55','term','craft','điêu khắc gỗ','wood carving','["t\u1ea1c t\u01b0\u1ee3ng g\u1ed7"]','["woodcarving"]','[]','[]','','approved',1,'
điêu khắc gỗ
tạc tượng gỗ
wood carving
woodcarving
','seed','2026-12-03 07:44:04.467170','seed','2026-12-03 07:44:04.467170');
INSERT INTO "glossary_entries" VALUES(56,'56','term','craft','đúc đồng','bronze casting','[]','[]','[]','[]','','approved',1,'
đúc đồng
bronze casting
','seed','2026-12-03 07:44:04.467479','seed','2026-12-03 07:44:04.467479');
INSERT INTO "glossary_entries" VALUES(57,'57','term','craft','tò he','to he rice-dough figurines','[]','["to he"]','[]','[]','Keep the Vietnamese name and gloss it','approved',1,'
tò he
to he rice dough figurines
to he
','seed','2026-12-03 07:44:04.467758','seed','2026-12-03 07:44:04.467758');
INSERT INTO "glossary_entries" VALUES(58,'58','term','craft','tranh dân gian','folk painting','[]','["folk paintings"]','[]','[]','','approved',1,'
tranh dân gian
folk painting
folk paintings
','seed','2026-12-03 07:44:04.468047','seed','2026-12-03 07:44:04.468047');
INSERT INTO "glossary_entries" VALUES(59,'59','term','craft','nón lá','conical hat','[]','["conical hats", "palm-leaf conical hat"]','[]','[]','','approved',1,'
nón lá
conical hat
conical hats
palm leaf conical hat
','seed','2026-12-03 07:44:04.468328','seed','2026-12-03 07:44:04.468328');
INSERT INTO "glossary_entries" VALUES(61,'61','name','craft','làng gốm Bát Tràng','Bat Trang pottery village','["B\u00e1t Tr\u00e0ng"]','["Bat Trang ceramic village", "Bat Trang"]','[]','[]','Gia Lâm district','approved',1,'
làng gốm bát tràng
bát tràng
bat trang pottery village
bat trang ceramic village
bat trang
','seed','2026-12-03 07:44:04.468627','seed','2026-12-03 07:44:04.468627');
INSERT INTO "glossary_entries" VALUES(62,'62','name','craft','làng lụa Vạn Phúc','Van Phuc silk village','["V\u1ea1n Ph\u00fac"]','["Van Phuc"]','[]','[]','Hà Đông district','approved',1,'
làng lụa vạn phúc
vạn phúc
van phuc silk village
van phuc
','seed','2026-12-03 07:44:04.468987','seed','2026-12-03 07:44:04.468987');
INSERT INTO "glossary_entries" VALUES(63,'63','name','craft','làng sơn mài Hạ Thái','Ha Thai lacquer village','["H\u1ea1 Th\u00e1i"]','["Ha Thai"]','[]','[]','Thường Tín district','approved',1,'
làng sơn mài hạ thái
hạ thái
ha thai lacquer village
ha thai
','seed','2026-12-03 07:44:04.469307','seed','2026-12-03 07:44:04.469307');
INSERT INTO "glossary_entries" VALUES(64,'64','name','craft','làng khảm trai Chuyên Mỹ','Chuyen My mother-of-pearl inlay village','["Chuy\u00ean M\u1ef9"]','["Chuyen My"]','[]','[]','Phú Xuyên district','approved',1,'
làng khảm trai chuyên mỹ
chuyên mỹ
chuyen my mother of pearl inlay village
chuyen my
','seed','2026-12-03 07:44:04.469614','seed','2026-12-03 07:44:04.469614');
INSERT INTO "glossary_entries" VALUES(65,'65','name','craft','làng mây tre đan Phú Vinh','Phu Vinh rattan and bamboo weaving village','["Ph\u00fa Vinh"]','["Phu Vinh"]','[]','[]','Chương Mỹ district','approved',1,'
làng mây tre đan phú vinh
phú vinh
phu vinh rattan and bamboo weaving village
phu vinh
','seed','2026-12-03 07:44:04.469985','seed','2026-12-03 07:44:04.469985');
INSERT INTO "glossary_entries" VALUES(66,'66','name','craft','làng tò he Xuân La','Xuan La to he village','["Xu\u00e2n La"]','["Xuan La"]','[]','[]','Phú Xuyên district','approved',1,'
làng tò he xuân la
xuân la
xuan la to he village
xuan la
','seed','2026-12-03 07:44:04.470391','seed','2026-12-03 07:44:04.470391');
INSERT INTO "glossary_entries" VALUES(67,'67','name','craft','làng hương Quảng Phú Cầu','Quang Phu Cau incense village','["Qu\u1ea3ng Ph\u00fa C\u1ea7u"]','["Quang Phu Cau"]','[]','[]','Ứng Hòa district','approved',1,'
làng hương quảng phú cầu
quảng phú cầu
quang phu cau incense village
quang phu cau
','seed','2026-12-03 07:44:04.470711','seed','2026-12-03 07:44:04.470711');
INSERT INTO "glossary_entries" VALUES(68,'68','name','craft','làng nón Chuông','Chuong conical hat village','["l\u00e0ng Chu\u00f4ng"]','["Chuong village"]','[]','[]','Thanh Oai district','approved',1,'
làng nón chuông
làng chuông
chuong conical hat village
chuong village
','seed','2026-12-03 07:44:04.471026','seed','2026-12-03 07:44:04.471026');
INSERT INTO "glossary_entries" VALUES(69,'69','name','craft','làng tượng gỗ Sơn Đồng','Son Dong wooden statue village','["S\u01a1n \u0110\u1ed3ng"]','["Son Dong"]','[]','[]','Hoài Đức district','approved',1,'
làng tượng gỗ sơn đồng
sơn đồng
son dong wooden statue village
son dong
','seed','2026-12-03 07:44:04.471351','seed','2026-12-03 07:44:04.471351');
INSERT INTO "glossary_entries" VALUES(70,'70','name','craft','làng quạt Chàng Sơn','Chang Son fan village','["Ch\u00e0ng S\u01a1n"]','["Chang Son"]','[]','[]','Thạch Thất district','approved',1,'
làng quạt chàng sơn
chàng sơn
chang son fan village
chang son
','seed','2026-12-03 07:44:04.471665','seed','2026-12-03 07:44:04.471665');
INSERT INTO "glossary_entries" VALUES(71,'71','name','craft','làng đúc đồng Ngũ Xã','Ngu Xa bronze casting village','["Ng\u0169 X\u00e3"]','["Ngu Xa"]','[]','[]','Ba Đình district','approved',1,'
làng đúc đồng ngũ xã
ngũ xã
ngu xa bronze casting village
ngu xa
','seed','2026-12-03 07:44:04.471964','seed','2026-12-03 07:44:04.471964');
INSERT INTO "glossary_entries" VALUES(72,'72','name','craft','tranh Hàng Trống','Hang Trong folk painting','[]','["Hang Trong paintings"]','[]','[]','Hoàn Kiếm district','approved',1,'
tranh hàng trống
hang trong folk painting
hang trong paintings
','seed','2026-12-03 07:44:04.472280','seed','2026-12-03 07:44:04.472280');
INSERT INTO "glossary_entries" VALUES(73,'73','name','craft','làng rèn Đa Sỹ','Da Sy blacksmith village','["\u0110a S\u1ef9"]','["Da Sy"]','[]','[]','Hà Đông district','approved',1,'
làng rèn đa sỹ
đa sỹ
da sy blacksmith village
da sy
','seed','2026-12-03 07:44:04.472627','seed','2026-12-03 07:44:04.472627');
INSERT INTO "glossary_entries" VALUES(74,'74','name','craft','làng tiện Nhị Khê','Nhi Khe woodturning village','["Nh\u1ecb Kh\u00ea"]','["Nhi Khe"]','[]','[]','Thường Tín district','approved',1,'
làng tiện nhị khê
nhị khê
nhi khe woodturning village
nhi khe
','seed','2026-12-03 07:44:04.472969','seed','2026-12-03 07:44:04.472969');
INSERT INTO "glossary_entries" VALUES(75,'75','name','heritage','Hoàng thành Thăng Long','Imperial Citadel of Thang Long','["Khu di t\u00edch Ho\u00e0ng th\u00e0nh Th\u0103ng Long"]','["Thang Long Imperial Citadel"]','[]','[]','World Heritage (2010)','approved',1,'
hoàng thành thăng long
khu di tích hoàng thành thăng long
imperial citadel of thang long
thang long imperial citadel
','seed','2026-12-03 07:44:04.473279','seed','2026-12-03 07:44:04.473279');
INSERT INTO "glossary_entries" VALUES(76,'76','name','heritage','Văn Miếu – Quốc Tử Giám','Temple of Literature','["V\u0103n Mi\u1ebfu Qu\u1ed1c T\u1eed Gi\u00e1m", "V\u0103n Mi\u1ebfu"]','["Temple of Literature \u2013 Imperial Academy"]','[]','[]','','approved',1,'
văn miếu quốc tử giám
văn miếu quốc tử giám
văn miếu
temple of literature
temple of literature imperial academy
','seed','2026-12-03 07:44:04.473718','seed','2026-12-03 07:44:04.473718');
INSERT INTO "glossary_entries" VALUES(77,'77','name','heritage','hồ Hoàn Kiếm','Hoan Kiem Lake','["H\u1ed3 G\u01b0\u01a1m"]','["Sword Lake"]','[]','[]','','approved',1,'
hồ hoàn kiếm
hồ gươm
hoan kiem lake
sword lake
','seed','2026-12-03 07:44:04.474121','seed','2026-12-03 07:44:04.474121');
INSERT INTO "glossary_entries" VALUES(78,'78','name','heritage','Phố cổ Hà Nội','Hanoi Old Quarter','["khu ph\u1ed1 c\u1ed5 H\u00e0 N\u1ed9i", "ph\u1ed1 c\u1ed5"]','["Old Quarter"]','[]','[]','','approved',1,'
phố cổ hà nội
khu phố cổ hà nội
phố cổ
hanoi old quarter
old quarter
','seed','2026-12-03 07:44:04.474524','seed','2026-12-03 07:44:04.474524');
INSERT INTO "glossary_entries" VALUES(79,'79','name','heritage','Chùa Một Cột','One Pillar Pagoda','[]','[]','[]','[]','','approved',1,'
chùa một cột
one pillar pagoda
','seed','2026-12-03 07:44:04.474875','seed','2026-12-03 07:44:04.474875');
INSERT INTO "glossary_entries" VALUES(80,'80','name','heritage','cầu Long Biên','Long Bien Bridge','[]','[]','[]','[]','','approved',1,'
cầu long biên
long bien bridge
','seed','2026-12-03 07:44:04.475126','seed','2026-12-03 07:44:04.475126');
INSERT INTO "glossary_entries" VALUES(81,'81','name','heritage','Nhà hát Lớn Hà Nội','Hanoi Opera House','[]','[]','[]','[]','','approved',1,'
nhà hát lớn hà nội
hanoi opera house
','seed','2026-12-03 07:44:04.475391','seed','2026-12-03 07:44:04.475391');
INSERT INTO "glossary_entries" VALUES(82,'82','name','heritage','Hội Gióng','Giong Festival','[]','[]','[]','[]','UNESCO intangible heritage (2010)','approved',1,'
hội gióng
giong festival
','seed','2026-12-03 07:44:04.475636','seed','2026-12-03 07:44:04.475636');
INSERT INTO "glossary_entries" VALUES(83,'83','term','heritage','ca trù','ca trù singing','[]','["ca tr\u00f9", "ca tru", "ca tru singing"]','[]','[]','UNESCO intangible heritage in need of urgent safeguarding (2009)','approved',1,'
ca trù
ca trù singing
ca trù
ca tru
ca tru singing
','seed','2026-12-03 07:44:04.475904','seed','2026-12-03 07:44:04.475904');
INSERT INTO "glossary_entries" VALUES(84,'84','term','heritage','múa rối nước','water puppetry','["r\u1ed1i n\u01b0\u1edbc"]','["water puppet", "water puppets"]','[]','[]','','approved',1,'
múa rối nước
rối nước
water puppetry
water puppet
water puppets
','seed','2026-12-03 07:44:04.476271','seed','2026-12-03 07:44:04.476271');
INSERT INTO "glossary_entries" VALUES(85,'85','term','heritage','Tín ngưỡng thờ Mẫu Tam phủ','Practices related to the Viet beliefs in the Mother Goddesses of Three Realms','["th\u1edd M\u1eabu Tam ph\u1ee7"]','["Mother Goddess worship"]','[]','[]','UNESCO intangible heritage (2016)','approved',1,'
tín ngưỡng thờ mẫu tam phủ
thờ mẫu tam phủ
practices related to the viet beliefs in the mother goddesses of three realms
mother goddess worship
','seed','2026-12-03 07:44:04.476613','seed','2026-12-03 07:44:04.476613');
INSERT INTO "glossary_entries" VALUES(86,'86','term','heritage','bảo tồn di sản','heritage conservation','[]','["heritage preservation"]','[]','[]','','approved',1,'
bảo tồn di sản
heritage conservation
heritage preservation
','seed','2026-12-03 07:44:04.476945','seed','2026-12-03 07:44:04.476945');
INSERT INTO "glossary_entries" VALUES(87,'87','term','heritage','di tích','relic site','["di t\u00edch l\u1ecbch s\u1eed"]','["historical relic site", "relic sites"]','[]','[]','','approved',1,'
di tích
di tích lịch sử
relic site
historical relic site
relic sites
','seed','2026-12-03 07:44:04.477226','seed','2026-12-03 07:44:04.477226');
INSERT INTO "glossary_entries" VALUES(88,'88','term','policy','đô thị thông minh','smart city','[]','["smart cities"]','[]','[]','','approved',1,'
đô thị thông minh
smart city
smart cities
','seed','2026-12-03 07:44:04.477574','seed','2026-12-03 07:44:04.477574');
INSERT INTO "glossary_entries" VALUES(89,'89','term','policy','đô thị sinh thái','eco-city','[]','["eco-cities", "ecological city"]','[]','[]','','approved',1,'
đô thị sinh thái
eco city
eco cities
ecological city
','seed','2026-12-03 07:44:04.477923','seed','2026-12-03 07:44:04.477923');
INSERT INTO "glossary_entries" VALUES(90,'90','term','policy','bảo tồn đô thị di sản','heritage urban conservation','[]','[]','[]','[]','','approved',1,'
bảo tồn đô thị di sản
heritage urban conservation
','seed','2026-12-03 07:44:04.478291','seed','2026-12-03 07:44:04.478291');
INSERT INTO "glossary_entries" VALUES(91,'91','term','policy','kiến trúc xanh','green architecture','[]','[]','[]','[]','','approved',1,'
kiến trúc xanh
green architecture
','seed','2026-12-03 07:44:04.478586','seed','2026-12-03 07:44:04.478586');
INSERT INTO "glossary_entries" VALUES(92,'92','term','policy','thời trang bền vững','sustainable fashion','[]','[]','[]','[]','','approved',1,'
thời trang bền vững
sustainable fashion
','seed','2026-12-03 07:44:04.478845','seed','2026-12-03 07:44:04.478845');
INSERT INTO "glossary_entries" VALUES(93,'93','term','policy','Thỏa thuận Paris','Paris Agreement','[]','[]','["Paris Treaty"]','[]','On climate change','approved',1,'
thoả thuận paris
paris agreement
paris treaty
','seed','2026-12-03 07:44:04.479121','seed','2026-12-03 07:44:04.479121');
INSERT INTO "glossary_entries" VALUES(94,'94','term','policy','biến đổi khí hậu','climate change','[]','[]','[]','[]','','approved',1,'
biến đổi khí hậu
climate change
','seed','2026-12-03 07:44:04.479370','seed','2026-12-03 07:44:04.479370');
INSERT INTO "glossary_entries" VALUES(95,'95','term','policy','thực tế ảo tăng cường','augmented reality','["th\u1ef1c t\u1ebf t\u0103ng c\u01b0\u1eddng"]','["AR"]','[]','[]','','approved',1,'
thực tế ảo tăng cường
thực tế tăng cường
augmented reality
ar
','seed','2026-12-03 07:44:04.479621','seed','2026-12-03 07:44:04.479621');
INSERT INTO "glossary_entries" VALUES(96,'96','term','policy','thực tế ảo','virtual reality','[]','["VR"]','[]','[]','','approved',1,'
thực tế ảo
virtual reality
vr
','seed','2026-12-03 07:44:04.479933','seed','2026-12-03 07:44:04.479933');
INSERT INTO "glossary_entries" VALUES(97,'97','term','policy','khởi nghiệp','start-up','["kh\u1edfi nghi\u1ec7p s\u00e1ng t\u1ea1o"]','["start-ups", "startup", "startups", "entrepreneurship"]','[]','[]','','approved',1,'
khởi nghiệp
khởi nghiệp sáng tạo
start up
start ups
startup
startups
entrepreneurship
','seed','2026-12-03 07:44:04.480214','seed','2026-12-03 07:44:04.480214');
INSERT INTO "glossary_entries" VALUES(98,'98','term','policy','nhóm yếu thế','vulnerable groups','["c\u00e1c nh\u00f3m y\u1ebfu th\u1ebf"]','["disadvantaged groups"]','[]','[]','','approved',1,'
nhóm yếu thế
các nhóm yếu thế
vulnerable groups
disadvantaged groups
','seed','2026-12-03 07:44:04.480613','seed','2026-12-03 07:44:04.480613');
INSERT INTO "glossary_entries" VALUES(99,'99','term','policy','người Hà Nội thanh lịch văn minh','elegant and civilised Hanoians','["ng\u01b0\u1eddi H\u00e0 N\u1ed9i thanh l\u1ecbch"]','["elegant and civilized Hanoians"]','[]','[]','Campaign slogan','approved',1,'
người hà nội thanh lịch văn minh
người hà nội thanh lịch
elegant and civilised hanoians
elegant and civilized hanoians
','seed','2026-12-03 07:44:04.480936','seed','2026-12-03 07:44:04.480936');
INSERT INTO "glossary_entries" VALUES(100,'100','name','policy','Nghị quyết số 09-NQ/TU','Resolution No. 09-NQ/TU','[]','[]','[]','[]','Keep document numbers exactly','approved',1,'
nghị quyết số 09 nq/tu
resolution no. 09 nq/tu
','seed','2026-12-03 07:44:04.481470','seed','2026-12-03 07:44:04.481470');
INSERT INTO "glossary_entries" VALUES(101,'101','term','cuisine','ẩm thực','cuisine','[]','["culinary culture"]','[]','[]','Also the name of a site section','approved',1,'
ẩm thực
cuisine
culinary culture
','seed','2026-12-03 07:44:04.481802','seed','2026-12-03 07:44:04.481802');
INSERT INTO "glossary_entries" VALUES(102,'102','term','cuisine','phở','phở','[]','["pho"]','[]','[]','Keep the Vietnamese word','approved',1,'
phở
phở
pho
','seed','2026-12-03 07:44:04.482087','seed','2026-12-03 07:44:04.482087');
INSERT INTO "glossary_entries" VALUES(103,'103','term','cuisine','bún chả','bún chả','[]','["bun cha"]','[]','[]','Keep the Vietnamese word','approved',1,'
bún chả
bún chả
bun cha
','seed','2026-12-03 07:44:04.482513','seed','2026-12-03 07:44:04.482513');
INSERT INTO "glossary_entries" VALUES(104,'104','name','cuisine','chả cá Lã Vọng','Cha Ca La Vong grilled fish','[]','["Cha ca La Vong"]','[]','[]','','approved',1,'
chả cá lã vọng
cha ca la vong grilled fish
cha ca la vong
','seed','2026-12-03 07:44:04.482831','seed','2026-12-03 07:44:04.482831');
INSERT INTO "glossary_entries" VALUES(105,'105','term','cuisine','cốm','young green rice flakes','["c\u1ed1m V\u00f2ng"]','["green rice flakes"]','[]','[]','Vòng village speciality','approved',1,'
cốm
cốm vòng
young green rice flakes
green rice flakes
','seed','2026-12-03 07:44:04.483106','seed','2026-12-03 07:44:04.483106');
INSERT INTO "glossary_entries" VALUES(106,'106','term','cuisine','bánh cuốn','steamed rice rolls','[]','["banh cuon"]','[]','[]','','approved',1,'
bánh cuốn
steamed rice rolls
banh cuon
','seed','2026-12-03 07:44:04.483414','seed','2026-12-03 07:44:04.483414');
INSERT INTO "glossary_entries" VALUES(107,'107','term','cuisine','ẩm thực đường phố','street food','[]','[]','[]','[]','','approved',1,'
ẩm thực đường phố
street food
','seed','2026-12-03 07:44:04.483695','seed','2026-12-03 07:44:04.483695');
INSERT INTO "glossary_entries" VALUES(109,'109','term','policy','kiến trúc đô thị','urban architecture','[]','[]','[]','[]','Also the name of a site section','approved',1,'
kiến trúc đô thị
urban architecture
','seed','2026-12-03 07:44:04.483993','seed','2026-12-03 07:44:04.483993');
INSERT INTO "glossary_entries" VALUES(112,'112','name','place','Hà Nội','Hanoi','["Th\u1ee7 \u0111\u00f4 H\u00e0 N\u1ed9i"]','["Ha Noi"]','[]','[]','Use Hanoi in English running text','approved',1,'
hà nội
thủ đô hà nội
hanoi
ha noi
','seed','2026-12-03 07:44:04.484260','seed','2026-12-03 07:44:04.484260');
INSERT INTO "glossary_entries" VALUES(113,'113','name','place','Việt Nam','Viet Nam','[]','["Vietnam"]','[]','[]','Official UN spelling is Viet Nam','approved',1,'
việt nam
viet nam
vietnam
','seed','2026-12-03 07:44:04.484579','seed','2026-12-03 07:44:04.484579');
INSERT INTO "glossary_entries" VALUES(114,'114','name','place','Đông Nam Á','Southeast Asia','[]','["South-East Asia"]','[]','[]','','approved',1,'
đông nam á
southeast asia
south east asia
','seed','2026-12-03 07:44:04.484860','seed','2026-12-03 07:44:04.484860');
INSERT INTO "glossary_entries" VALUES(115,'115','name','place','Băng-đung','Bandung','["Bandung"]','[]','[]','[]','Indonesian Creative City of Design','approved',1,'
băng đung
bandung
bandung
','seed','2026-12-03 07:44:04.485145','seed','2026-12-03 07:44:04.485145');
INSERT INTO "glossary_entries" VALUES(116,'116','name','place','Xin-ga-po','Singapore','["Singapore"]','[]','[]','[]','Creative City of Design','approved',1,'
xin ga po
singapore
singapore
','seed','2026-12-03 07:44:04.485436','seed','2026-12-03 07:44:04.485436');
INSERT INTO "glossary_entries" VALUES(117,'117','name','place','Gia Lâm','Gia Lam','["huy\u1ec7n Gia L\u00e2m"]','["Gia Lam district"]','[]','[]','','approved',1,'
gia lâm
huyện gia lâm
gia lam
gia lam district
','seed','2026-12-03 07:44:04.485763','seed','2026-12-03 07:44:04.485763');
INSERT INTO "glossary_entries" VALUES(118,'118','name','place','Hà Đông','Ha Dong','["qu\u1eadn H\u00e0 \u0110\u00f4ng"]','["Ha Dong district"]','[]','[]','','approved',1,'
hà đông
quận hà đông
ha dong
ha dong district
','seed','2026-12-03 07:44:04.486065','seed','2026-12-03 07:44:04.486065');
INSERT INTO "glossary_entries" VALUES(119,'119','name','place','Thường Tín','Thuong Tin','["huy\u1ec7n Th\u01b0\u1eddng T\u00edn"]','["Thuong Tin district"]','[]','[]','','approved',1,'
thường tín
huyện thường tín
thuong tin
thuong tin district
','seed','2026-12-03 07:44:04.486467','seed','2026-12-03 07:44:04.486467');
INSERT INTO "glossary_entries" VALUES(120,'120','name','place','Phú Xuyên','Phu Xuyen','["huy\u1ec7n Ph\u00fa Xuy\u00ean"]','["Phu Xuyen district"]','[]','[]','','approved',1,'
phú xuyên
huyện phú xuyên
phu xuyen
phu xuyen district
','seed','2026-12-03 07:44:04.486789','seed','2026-12-03 07:44:04.486789');
INSERT INTO "glossary_entries" VALUES(121,NULL,'term','craft','gốm men lam','blue-glazed ceramics','[]','[]','[]','[]','','proposed',1,'
gốm men lam
blue glazed ceramics
','tran','2026-12-03 07:44:13.445597','tran','2026-12-03 07:44:13.445597');
CREATE TABLE glossary_entry_forms (
	id INTEGER NOT NULL, 
	entry_id INTEGER NOT NULL, 
	lang VARCHAR(2) NOT NULL, 
	"key" VARCHAR(1200) NOT NULL, 
	CONSTRAINT pk_glossary_entry_forms PRIMARY KEY (id), 
	CONSTRAINT fk_glossary_entry_forms_entry_id_glossary_entries FOREIGN KEY(entry_id) REFERENCES glossary_entries (id) ON DELETE CASCADE, 
	CONSTRAINT uq_glossary_entry_forms_lang_key UNIQUE (lang, "key")
);
INSERT INTO "glossary_entry_forms" VALUES(1,1,'vi','mạng lưới các thành phố sáng tạo của unesco');
INSERT INTO "glossary_entry_forms" VALUES(2,1,'vi','mạng lưới các thành phố sáng tạo unesco');
INSERT INTO "glossary_entry_forms" VALUES(3,1,'vi','mạng lưới thành phố sáng tạo unesco');
INSERT INTO "glossary_entry_forms" VALUES(4,1,'en','uccn');
INSERT INTO "glossary_entry_forms" VALUES(5,1,'en','unesco creative cities network');
INSERT INTO "glossary_entry_forms" VALUES(6,2,'vi','thành phố sáng tạo');
INSERT INTO "glossary_entry_forms" VALUES(7,2,'en','creative cities');
INSERT INTO "glossary_entry_forms" VALUES(8,2,'en','creative city');
INSERT INTO "glossary_entry_forms" VALUES(9,3,'vi','lĩnh vực thiết kế');
INSERT INTO "glossary_entry_forms" VALUES(10,3,'en','field of design');
INSERT INTO "glossary_entry_forms" VALUES(11,4,'vi','thành phố sáng tạo thiết kế');
INSERT INTO "glossary_entry_forms" VALUES(12,4,'vi','thành phố sáng tạo trong lĩnh vực thiết kế');
INSERT INTO "glossary_entry_forms" VALUES(13,4,'vi','thành phố sáng tạo về thiết kế');
INSERT INTO "glossary_entry_forms" VALUES(14,4,'en','city of design');
INSERT INTO "glossary_entry_forms" VALUES(15,4,'en','creative cities of design');
INSERT INTO "glossary_entry_forms" VALUES(16,4,'en','creative city of design');
INSERT INTO "glossary_entry_forms" VALUES(17,5,'vi','các mục tiêu phát triển bền vững');
INSERT INTO "glossary_entry_forms" VALUES(18,5,'vi','mục tiêu phát triển bền vững');
INSERT INTO "glossary_entry_forms" VALUES(19,5,'en','sdgs');
INSERT INTO "glossary_entry_forms" VALUES(20,5,'en','sustainable development goal');
INSERT INTO "glossary_entry_forms" VALUES(21,5,'en','sustainable development goals');
INSERT INTO "glossary_entry_forms" VALUES(22,6,'vi','chương trình nghị sự 2030');
INSERT INTO "glossary_entry_forms" VALUES(23,6,'vi','chương trình nghị sự 2030 vì sự phát triển bền vững');
INSERT INTO "glossary_entry_forms" VALUES(24,6,'en','2030 agenda');
INSERT INTO "glossary_entry_forms" VALUES(25,6,'en','2030 agenda for sustainable development');
INSERT INTO "glossary_entry_forms" VALUES(26,7,'vi','di sản văn hoá phi vật thể');
INSERT INTO "glossary_entry_forms" VALUES(27,7,'en','intangible cultural heritage');
INSERT INTO "glossary_entry_forms" VALUES(28,7,'en','intangible heritage');
INSERT INTO "glossary_entry_forms" VALUES(29,8,'vi','di sản văn hoá vật thể');
INSERT INTO "glossary_entry_forms" VALUES(30,8,'en','tangible cultural heritage');
INSERT INTO "glossary_entry_forms" VALUES(31,9,'vi','di sản thế giới');
INSERT INTO "glossary_entry_forms" VALUES(32,9,'en','world heritage');
INSERT INTO "glossary_entry_forms" VALUES(33,9,'en','world heritage site');
INSERT INTO "glossary_entry_forms" VALUES(34,9,'en','world heritage sites');
INSERT INTO "glossary_entry_forms" VALUES(35,10,'vi','văn phòng unesco tại việt nam');
INSERT INTO "glossary_entry_forms" VALUES(36,10,'vi','văn phòng đại diện unesco tại việt nam');
INSERT INTO "glossary_entry_forms" VALUES(37,10,'en','unesco office in viet nam');
INSERT INTO "glossary_entry_forms" VALUES(38,10,'en','unesco viet nam office');
INSERT INTO "glossary_entry_forms" VALUES(39,11,'vi','các ngành công nghiệp văn hoá');
INSERT INTO "glossary_entry_forms" VALUES(40,11,'vi','công nghiệp văn hoá');
INSERT INTO "glossary_entry_forms" VALUES(41,11,'en','cultural industries');
INSERT INTO "glossary_entry_forms" VALUES(42,11,'en','cultural industry');
INSERT INTO "glossary_entry_forms" VALUES(43,12,'vi','các ngành công nghiệp sáng tạo');
INSERT INTO "glossary_entry_forms" VALUES(44,12,'vi','công nghiệp sáng tạo');
INSERT INTO "glossary_entry_forms" VALUES(45,12,'en','creative industries');
INSERT INTO "glossary_entry_forms" VALUES(46,12,'en','creative industry');
INSERT INTO "glossary_entry_forms" VALUES(47,13,'vi','các không gian sáng tạo');
INSERT INTO "glossary_entry_forms" VALUES(48,13,'vi','không gian sáng tạo');
INSERT INTO "glossary_entry_forms" VALUES(49,13,'en','creative space');
INSERT INTO "glossary_entry_forms" VALUES(50,13,'en','creative spaces');
INSERT INTO "glossary_entry_forms" VALUES(51,14,'vi','kinh tế sáng tạo');
INSERT INTO "glossary_entry_forms" VALUES(52,14,'en','creative economy');
INSERT INTO "glossary_entry_forms" VALUES(53,15,'vi','thiết kế sáng tạo');
INSERT INTO "glossary_entry_forms" VALUES(54,15,'en','creative design');
INSERT INTO "glossary_entry_forms" VALUES(55,16,'vi','phát triển bền vững');
INSERT INTO "glossary_entry_forms" VALUES(56,16,'en','sustainable development');
INSERT INTO "glossary_entry_forms" VALUES(57,17,'vi','diễn đàn mạng lưới các thành phố sáng tạo đông nam á');
INSERT INTO "glossary_entry_forms" VALUES(58,17,'en','seaccn forum');
INSERT INTO "glossary_entry_forms" VALUES(59,17,'en','southeast asian creative cities network forum');
INSERT INTO "glossary_entry_forms" VALUES(60,18,'vi','hội nghị thường niên mạng lưới các thành phố sáng tạo của unesco');
INSERT INTO "glossary_entry_forms" VALUES(61,18,'en','uccn annual conference');
INSERT INTO "glossary_entry_forms" VALUES(62,18,'en','unesco creative cities network annual conference');
INSERT INTO "glossary_entry_forms" VALUES(63,19,'vi','hồ sơ ứng cử');
INSERT INTO "glossary_entry_forms" VALUES(64,19,'vi','hồ sơ ứng cử gia nhập');
INSERT INTO "glossary_entry_forms" VALUES(65,19,'en','application dossier');
INSERT INTO "glossary_entry_forms" VALUES(66,19,'en','candidacy dossier');
INSERT INTO "glossary_entry_forms" VALUES(67,21,'vi','sở văn hoá và thể thao hà nội');
INSERT INTO "glossary_entry_forms" VALUES(68,21,'vi','sở văn hoá và thể thao thành phố hà nội');
INSERT INTO "glossary_entry_forms" VALUES(69,21,'en','hanoi department of culture and sports');
INSERT INTO "glossary_entry_forms" VALUES(70,22,'vi','ubnd thành phố hà nội');
INSERT INTO "glossary_entry_forms" VALUES(71,22,'vi','ubnd tp hà nội');
INSERT INTO "glossary_entry_forms" VALUES(72,22,'vi','uỷ ban nhân dân thành phố hà nội');
INSERT INTO "glossary_entry_forms" VALUES(73,22,'en','hanoi people''s committee');
INSERT INTO "glossary_entry_forms" VALUES(74,23,'vi','thành uỷ hà nội');
INSERT INTO "glossary_entry_forms" VALUES(75,23,'en','hanoi party committee');
INSERT INTO "glossary_entry_forms" VALUES(76,24,'vi','bộ chính trị');
INSERT INTO "glossary_entry_forms" VALUES(77,24,'en','politburo');
INSERT INTO "glossary_entry_forms" VALUES(78,25,'vi','bộ văn hoá, thể thao và du lịch');
INSERT INTO "glossary_entry_forms" VALUES(79,25,'en','ministry of culture, sports and tourism');
INSERT INTO "glossary_entry_forms" VALUES(80,26,'vi','bộ ngoại giao');
INSERT INTO "glossary_entry_forms" VALUES(81,26,'en','ministry of foreign affairs');
INSERT INTO "glossary_entry_forms" VALUES(82,27,'vi','trung tâm thông tin triển lãm hà nội');
INSERT INTO "glossary_entry_forms" VALUES(83,27,'en','hanoi information and exhibition center');
INSERT INTO "glossary_entry_forms" VALUES(84,27,'en','hanoi information and exhibition centre');
INSERT INTO "glossary_entry_forms" VALUES(85,28,'vi','phòng quản lý di sản');
INSERT INTO "glossary_entry_forms" VALUES(86,28,'vi','phòng quản lý di sản văn hoá');
INSERT INTO "glossary_entry_forms" VALUES(87,28,'en','cultural heritage management division');
INSERT INTO "glossary_entry_forms" VALUES(88,28,'en','heritage management division');
INSERT INTO "glossary_entry_forms" VALUES(89,29,'vi','phòng kế hoạch tài chính');
INSERT INTO "glossary_entry_forms" VALUES(90,29,'en','planning and finance division');
INSERT INTO "glossary_entry_forms" VALUES(91,30,'vi','trung tâm thiết kế sáng tạo hà nội');
INSERT INTO "glossary_entry_forms" VALUES(92,30,'en','hanoi creative design center');
INSERT INTO "glossary_entry_forms" VALUES(93,30,'en','hanoi creative design centre');
INSERT INTO "glossary_entry_forms" VALUES(94,31,'vi','lễ hội thiết kế sáng tạo hà nội');
INSERT INTO "glossary_entry_forms" VALUES(95,31,'en','hanoi creative design festival');
INSERT INTO "glossary_entry_forms" VALUES(96,32,'vi','tài năng sáng tạo hà nội');
INSERT INTO "glossary_entry_forms" VALUES(97,32,'en','hanoi creative talent');
INSERT INTO "glossary_entry_forms" VALUES(98,33,'vi','hiệp hội làng nghề hà nội');
INSERT INTO "glossary_entry_forms" VALUES(99,33,'en','hanoi craft village association');
INSERT INTO "glossary_entry_forms" VALUES(100,33,'en','hanoi craft villages association');
INSERT INTO "glossary_entry_forms" VALUES(101,34,'vi','hội liên hiệp văn học nghệ thuật hà nội');
INSERT INTO "glossary_entry_forms" VALUES(102,34,'en','hanoi union of literature and arts associations');
INSERT INTO "glossary_entry_forms" VALUES(103,35,'vi','liên hiệp các hội khoa học và kỹ thuật hà nội');
INSERT INTO "glossary_entry_forms" VALUES(104,35,'vi','liên hiệp khoa học kỹ thuật hà nội');
INSERT INTO "glossary_entry_forms" VALUES(105,35,'en','hanoi union of science and technology associations');
INSERT INTO "glossary_entry_forms" VALUES(106,36,'vi','câu lạc bộ doanh nhân sáng tạo');
INSERT INTO "glossary_entry_forms" VALUES(107,36,'en','creative entrepreneurs club');
INSERT INTO "glossary_entry_forms" VALUES(108,37,'vi','hội nghệ nhân thợ giỏi');
INSERT INTO "glossary_entry_forms" VALUES(109,37,'en','association of artisans and skilled craftspeople');
INSERT INTO "glossary_entry_forms" VALUES(110,38,'vi','hiệp hội thiết kế mẫu và sáng tạo mỹ thuật việt nam');
INSERT INTO "glossary_entry_forms" VALUES(111,38,'en','viet nam association of pattern design and fine arts creation');
INSERT INTO "glossary_entry_forms" VALUES(112,39,'vi','hanoi design center');
INSERT INTO "glossary_entry_forms" VALUES(113,39,'en','hanoi design center');
INSERT INTO "glossary_entry_forms" VALUES(114,40,'vi','vicas art studio');
INSERT INTO "glossary_entry_forms" VALUES(115,40,'vi','vicas arts studio');
INSERT INTO "glossary_entry_forms" VALUES(116,40,'en','vicas art studio');
INSERT INTO "glossary_entry_forms" VALUES(117,40,'en','vicas arts studio');
INSERT INTO "glossary_entry_forms" VALUES(118,41,'vi','vcca');
INSERT INTO "glossary_entry_forms" VALUES(119,41,'en','vcca');
INSERT INTO "glossary_entry_forms" VALUES(120,42,'vi','manzi art space');
INSERT INTO "glossary_entry_forms" VALUES(121,42,'en','manzi art space');
INSERT INTO "glossary_entry_forms" VALUES(122,43,'vi','workroom four');
INSERT INTO "glossary_entry_forms" VALUES(123,43,'vi','workroomfour');
INSERT INTO "glossary_entry_forms" VALUES(124,43,'en','workroom four');
INSERT INTO "glossary_entry_forms" VALUES(125,43,'en','workroomfour');
INSERT INTO "glossary_entry_forms" VALUES(126,44,'vi','unesco');
INSERT INTO "glossary_entry_forms" VALUES(127,44,'en','unesco');
INSERT INTO "glossary_entry_forms" VALUES(128,45,'vi','làng nghề');
INSERT INTO "glossary_entry_forms" VALUES(129,45,'vi','làng nghề truyền thống');
INSERT INTO "glossary_entry_forms" VALUES(130,45,'en','craft village');
INSERT INTO "glossary_entry_forms" VALUES(131,45,'en','craft villages');
INSERT INTO "glossary_entry_forms" VALUES(132,45,'en','traditional craft village');
INSERT INTO "glossary_entry_forms" VALUES(133,45,'en','traditional craft villages');
INSERT INTO "glossary_entry_forms" VALUES(134,46,'vi','nghệ nhân');
INSERT INTO "glossary_entry_forms" VALUES(135,46,'en','artisan');
INSERT INTO "glossary_entry_forms" VALUES(136,46,'en','artisans');
INSERT INTO "glossary_entry_forms" VALUES(137,47,'vi','nghệ nhân nhân dân');
INSERT INTO "glossary_entry_forms" VALUES(138,47,'en','people''s artisan');
INSERT INTO "glossary_entry_forms" VALUES(139,47,'en','people''s artisans');
INSERT INTO "glossary_entry_forms" VALUES(140,48,'vi','nghệ nhân ưu tú');
INSERT INTO "glossary_entry_forms" VALUES(141,48,'en','meritorious artisan');
INSERT INTO "glossary_entry_forms" VALUES(142,48,'en','meritorious artisans');
INSERT INTO "glossary_entry_forms" VALUES(143,49,'vi','nghề thủ công');
INSERT INTO "glossary_entry_forms" VALUES(144,49,'vi','nghề thủ công truyền thống');
INSERT INTO "glossary_entry_forms" VALUES(145,49,'vi','thủ công mỹ nghệ');
INSERT INTO "glossary_entry_forms" VALUES(146,49,'en','handicraft');
INSERT INTO "glossary_entry_forms" VALUES(147,49,'en','handicrafts');
INSERT INTO "glossary_entry_forms" VALUES(148,49,'en','traditional handicrafts');
INSERT INTO "glossary_entry_forms" VALUES(149,50,'vi','gốm');
INSERT INTO "glossary_entry_forms" VALUES(150,50,'vi','gốm sứ');
INSERT INTO "glossary_entry_forms" VALUES(151,50,'vi','đồ gốm');
INSERT INTO "glossary_entry_forms" VALUES(152,50,'en','ceramic');
INSERT INTO "glossary_entry_forms" VALUES(153,50,'en','ceramics');
INSERT INTO "glossary_entry_forms" VALUES(154,50,'en','pottery');
INSERT INTO "glossary_entry_forms" VALUES(155,51,'vi','sơn mài');
INSERT INTO "glossary_entry_forms" VALUES(156,51,'vi','tranh sơn mài');
INSERT INTO "glossary_entry_forms" VALUES(157,51,'vi','đồ sơn mài');
INSERT INTO "glossary_entry_forms" VALUES(158,51,'en','lacquer');
INSERT INTO "glossary_entry_forms" VALUES(159,51,'en','lacquer painting');
INSERT INTO "glossary_entry_forms" VALUES(160,51,'en','lacquerware');
INSERT INTO "glossary_entry_forms" VALUES(161,52,'vi','khảm trai');
INSERT INTO "glossary_entry_forms" VALUES(162,52,'vi','khảm xà cừ');
INSERT INTO "glossary_entry_forms" VALUES(163,52,'en','mother of pearl inlay');
INSERT INTO "glossary_entry_forms" VALUES(164,53,'vi','mây tre');
INSERT INTO "glossary_entry_forms" VALUES(165,53,'vi','mây tre đan');
INSERT INTO "glossary_entry_forms" VALUES(166,53,'en','rattan and bamboo');
INSERT INTO "glossary_entry_forms" VALUES(167,53,'en','rattan and bamboo weaving');
INSERT INTO "glossary_entry_forms" VALUES(168,54,'vi','lụa');
INSERT INTO "glossary_entry_forms" VALUES(169,54,'vi','lụa tơ tằm');
INSERT INTO "glossary_entry_forms" VALUES(170,54,'en','silk');
INSERT INTO "glossary_entry_forms" VALUES(171,54,'en','silk fabric');
INSERT INTO "glossary_entry_forms" VALUES(172,55,'vi','tạc tượng gỗ');
INSERT INTO "glossary_entry_forms" VALUES(173,55,'vi','điêu khắc gỗ');
INSERT INTO "glossary_entry_forms" VALUES(174,55,'en','wood carving');
INSERT INTO "glossary_entry_forms" VALUES(175,55,'en','woodcarving');
INSERT INTO "glossary_entry_forms" VALUES(176,56,'vi','đúc đồng');
INSERT INTO "glossary_entry_forms" VALUES(177,56,'en','bronze casting');
INSERT INTO "glossary_entry_forms" VALUES(178,57,'vi','tò he');
INSERT INTO "glossary_entry_forms" VALUES(179,57,'en','to he');
INSERT INTO "glossary_entry_forms" VALUES(180,57,'en','to he rice dough figurines');
INSERT INTO "glossary_entry_forms" VALUES(181,58,'vi','tranh dân gian');
INSERT INTO "glossary_entry_forms" VALUES(182,58,'en','folk painting');
INSERT INTO "glossary_entry_forms" VALUES(183,58,'en','folk paintings');
INSERT INTO "glossary_entry_forms" VALUES(184,59,'vi','nón lá');
INSERT INTO "glossary_entry_forms" VALUES(185,59,'en','conical hat');
INSERT INTO "glossary_entry_forms" VALUES(186,59,'en','conical hats');
INSERT INTO "glossary_entry_forms" VALUES(187,59,'en','palm leaf conical hat');
INSERT INTO "glossary_entry_forms" VALUES(188,61,'vi','bát tràng');
INSERT INTO "glossary_entry_forms" VALUES(189,61,'vi','làng gốm bát tràng');
INSERT INTO "glossary_entry_forms" VALUES(190,61,'en','bat trang');
INSERT INTO "glossary_entry_forms" VALUES(191,61,'en','bat trang ceramic village');
INSERT INTO "glossary_entry_forms" VALUES(192,61,'en','bat trang pottery village');
INSERT INTO "glossary_entry_forms" VALUES(193,62,'vi','làng lụa vạn phúc');
INSERT INTO "glossary_entry_forms" VALUES(194,62,'vi','vạn phúc');
INSERT INTO "glossary_entry_forms" VALUES(195,62,'en','van phuc');
INSERT INTO "glossary_entry_forms" VALUES(196,62,'en','van phuc silk village');
INSERT INTO "glossary_entry_forms" VALUES(197,63,'vi','hạ thái');
INSERT INTO "glossary_entry_forms" VALUES(198,63,'vi','làng sơn mài hạ thái');
INSERT INTO "glossary_entry_forms" VALUES(199,63,'en','ha thai');
INSERT INTO "glossary_entry_forms" VALUES(200,63,'en','ha thai lacquer village');
INSERT INTO "glossary_entry_forms" VALUES(201,64,'vi','chuyên mỹ');
INSERT INTO "glossary_entry_forms" VALUES(202,64,'vi','làng khảm trai chuyên mỹ');
INSERT INTO "glossary_entry_forms" VALUES(203,64,'en','chuyen my');
INSERT INTO "glossary_entry_forms" VALUES(204,64,'en','chuyen my mother of pearl inlay village');
INSERT INTO "glossary_entry_forms" VALUES(205,65,'vi','làng mây tre đan phú vinh');
INSERT INTO "glossary_entry_forms" VALUES(206,65,'vi','phú vinh');
INSERT INTO "glossary_entry_forms" VALUES(207,65,'en','phu vinh');
INSERT INTO "glossary_entry_forms" VALUES(208,65,'en','phu vinh rattan and bamboo weaving village');
INSERT INTO "glossary_entry_forms" VALUES(209,66,'vi','làng tò he xuân la');
INSERT INTO "glossary_entry_forms" VALUES(210,66,'vi','xuân la');
INSERT INTO "glossary_entry_forms" VALUES(211,66,'en','xuan la');
INSERT INTO "glossary_entry_forms" VALUES(212,66,'en','xuan la to he village');
INSERT INTO "glossary_entry_forms" VALUES(213,67,'vi','làng hương quảng phú cầu');
INSERT INTO "glossary_entry_forms" VALUES(214,67,'vi','quảng phú cầu');
INSERT INTO "glossary_entry_forms" VALUES(215,67,'en','quang phu cau');
INSERT INTO "glossary_entry_forms" VALUES(216,67,'en','quang phu cau incense village');
INSERT INTO "glossary_entry_forms" VALUES(217,68,'vi','làng chuông');
INSERT INTO "glossary_entry_forms" VALUES(218,68,'vi','làng nón chuông');
INSERT INTO "glossary_entry_forms" VALUES(219,68,'en','chuong conical hat village');
INSERT INTO "glossary_entry_forms" VALUES(220,68,'en','chuong village');
INSERT INTO "glossary_entry_forms" VALUES(221,69,'vi','làng tượng gỗ sơn đồng');
INSERT INTO "glossary_entry_forms" VALUES(222,69,'vi','sơn đồng');
INSERT INTO "glossary_entry_forms" VALUES(223,69,'en','son dong');
INSERT INTO "glossary_entry_forms" VALUES(224,69,'en','son dong wooden statue village');
INSERT INTO "glossary_entry_forms" VALUES(225,70,'vi','chàng sơn');
INSERT INTO "glossary_entry_forms" VALUES(226,70,'vi','làng quạt chàng sơn');
INSERT INTO "glossary_entry_forms" VALUES(227,70,'en','chang son');
INSERT INTO "glossary_entry_forms" VALUES(228,70,'en','chang son fan village');
INSERT INTO "glossary_entry_forms" VALUES(229,71,'vi','làng đúc đồng ngũ xã');
INSERT INTO "glossary_entry_forms" VALUES(230,71,'vi','ngũ xã');
INSERT INTO "glossary_entry_forms" VALUES(231,71,'en','ngu xa');
INSERT INTO "glossary_entry_forms" VALUES(232,71,'en','ngu xa bronze casting village');
INSERT INTO "glossary_entry_forms" VALUES(233,72,'vi','tranh hàng trống');
INSERT INTO "glossary_entry_forms" VALUES(234,72,'en','hang trong folk painting');
INSERT INTO "glossary_entry_forms" VALUES(235,72,'en','hang trong paintings');
INSERT INTO "glossary_entry_forms" VALUES(236,73,'vi','làng rèn đa sỹ');
INSERT INTO "glossary_entry_forms" VALUES(237,73,'vi','đa sỹ');
INSERT INTO "glossary_entry_forms" VALUES(238,73,'en','da sy');
INSERT INTO "glossary_entry_forms" VALUES(239,73,'en','da sy blacksmith village');
INSERT INTO "glossary_entry_forms" VALUES(240,74,'vi','làng tiện nhị khê');
INSERT INTO "glossary_entry_forms" VALUES(241,74,'vi','nhị khê');
INSERT INTO "glossary_entry_forms" VALUES(242,74,'en','nhi khe');
INSERT INTO "glossary_entry_forms" VALUES(243,74,'en','nhi khe woodturning village');
INSERT INTO "glossary_entry_forms" VALUES(244,75,'vi','hoàng thành thăng long');
INSERT INTO "glossary_entry_forms" VALUES(245,75,'vi','khu di tích hoàng thành thăng long');
INSERT INTO "glossary_entry_forms" VALUES(246,75,'en','imperial citadel of thang long');
INSERT INTO "glossary_entry_forms" VALUES(247,75,'en','thang long imperial citadel');
INSERT INTO "glossary_entry_forms" VALUES(248,76,'vi','văn miếu');
INSERT INTO "glossary_entry_forms" VALUES(249,76,'vi','văn miếu quốc tử giám');
INSERT INTO "glossary_entry_forms" VALUES(250,76,'en','temple of literature');
INSERT INTO "glossary_entry_forms" VALUES(251,76,'en','temple of literature imperial academy');
INSERT INTO "glossary_entry_forms" VALUES(252,77,'vi','hồ gươm');
INSERT INTO "glossary_entry_forms" VALUES(253,77,'vi','hồ hoàn kiếm');
INSERT INTO "glossary_entry_forms" VALUES(254,77,'en','hoan kiem lake');
INSERT INTO "glossary_entry_forms" VALUES(255,77,'en','sword lake');
INSERT INTO "glossary_entry_forms" VALUES(256,78,'vi','khu phố cổ hà nội');
INSERT INTO "glossary_entry_forms" VALUES(257,78,'vi','phố cổ');
INSERT INTO "glossary_entry_forms" VALUES(258,78,'vi','phố cổ hà nội');
INSERT INTO "glossary_entry_forms" VALUES(259,78,'en','hanoi old quarter');
INSERT INTO "glossary_entry_forms" VALUES(260,78,'en','old quarter');
INSERT INTO "glossary_entry_forms" VALUES(261,79,'vi','chùa một cột');
INSERT INTO "glossary_entry_forms" VALUES(262,79,'en','one pillar pagoda');
INSERT INTO "glossary_entry_forms" VALUES(263,80,'vi','cầu long biên');
INSERT INTO "glossary_entry_forms" VALUES(264,80,'en','long bien bridge');
INSERT INTO "glossary_entry_forms" VALUES(265,81,'vi','nhà hát lớn hà nội');
INSERT INTO "glossary_entry_forms" VALUES(266,81,'en','hanoi opera house');
INSERT INTO "glossary_entry_forms" VALUES(267,82,'vi','hội gióng');
INSERT INTO "glossary_entry_forms" VALUES(268,82,'en','giong festival');
INSERT INTO "glossary_entry_forms" VALUES(269,83,'vi','ca trù');
INSERT INTO "glossary_entry_forms" VALUES(270,83,'en','ca tru');
INSERT INTO "glossary_entry_forms" VALUES(271,83,'en','ca tru singing');
INSERT INTO "glossary_entry_forms" VALUES(272,83,'en','ca trù');
INSERT INTO "glossary_entry_forms" VALUES(273,83,'en','ca trù singing');
INSERT INTO "glossary_entry_forms" VALUES(274,84,'vi','múa rối nước');
INSERT INTO "glossary_entry_forms" VALUES(275,84,'vi','rối nước');
INSERT INTO "glossary_entry_forms" VALUES(276,84,'en','water puppet');
INSERT INTO "glossary_entry_forms" VALUES(277,84,'en','water puppetry');
INSERT INTO "glossary_entry_forms" VALUES(278,84,'en','water puppets');
INSERT INTO "glossary_entry_forms" VALUES(279,85,'vi','thờ mẫu tam phủ');
INSERT INTO "glossary_entry_forms" VALUES(280,85,'vi','tín ngưỡng thờ mẫu tam phủ');
INSERT INTO "glossary_entry_forms" VALUES(281,85,'en','mother goddess worship');
INSERT INTO "glossary_entry_forms" VALUES(282,85,'en','practices related to the viet beliefs in the mother goddesses of three realms');
INSERT INTO "glossary_entry_forms" VALUES(283,86,'vi','bảo tồn di sản');
INSERT INTO "glossary_entry_forms" VALUES(284,86,'en','heritage conservation');
INSERT INTO "glossary_entry_forms" VALUES(285,86,'en','heritage preservation');
INSERT INTO "glossary_entry_forms" VALUES(286,87,'vi','di tích');
INSERT INTO "glossary_entry_forms" VALUES(287,87,'vi','di tích lịch sử');
INSERT INTO "glossary_entry_forms" VALUES(288,87,'en','historical relic site');
INSERT INTO "glossary_entry_forms" VALUES(289,87,'en','relic site');
INSERT INTO "glossary_entry_forms" VALUES(290,87,'en','relic sites');
INSERT INTO "glossary_entry_forms" VALUES(291,88,'vi','đô thị thông minh');
INSERT INTO "glossary_entry_forms" VALUES(292,88,'en','smart cities');
INSERT INTO "glossary_entry_forms" VALUES(293,88,'en','smart city');
INSERT INTO "glossary_entry_forms" VALUES(294,89,'vi','đô thị sinh thái');
INSERT INTO "glossary_entry_forms" VALUES(295,89,'en','eco cities');
INSERT INTO "glossary_entry_forms" VALUES(296,89,'en','eco city');
INSERT INTO "glossary_entry_forms" VALUES(297,89,'en','ecological city');
INSERT INTO "glossary_entry_forms" VALUES(298,90,'vi','bảo tồn đô thị di sản');
INSERT INTO "glossary_entry_forms" VALUES(299,90,'en','heritage urban conservation');
INSERT INTO "glossary_entry_forms" VALUES(300,91,'vi','kiến trúc xanh');
INSERT INTO "glossary_entry_forms" VALUES(301,91,'en','green architecture');
INSERT INTO "glossary_entry_forms" VALUES(302,92,'vi','thời trang bền vững');
INSERT INTO "glossary_entry_forms" VALUES(303,92,'en','sustainable fashion');
INSERT INTO "glossary_entry_forms" VALUES(304,93,'vi','thoả thuận paris');
INSERT INTO "glossary_entry_forms" VALUES(305,93,'en','paris agreement');
INSERT INTO "glossary_entry_forms" VALUES(306,94,'vi','biến đổi khí hậu');
INSERT INTO "glossary_entry_forms" VALUES(307,94,'en','climate change');
INSERT INTO "glossary_entry_forms" VALUES(308,95,'vi','thực tế tăng cường');
INSERT INTO "glossary_entry_forms" VALUES(309,95,'vi','thực tế ảo tăng cường');
INSERT INTO "glossary_entry_forms" VALUES(310,95,'en','ar');
INSERT INTO "glossary_entry_forms" VALUES(311,95,'en','augmented reality');
INSERT INTO "glossary_entry_forms" VALUES(312,96,'vi','thực tế ảo');
INSERT INTO "glossary_entry_forms" VALUES(313,96,'en','virtual reality');
INSERT INTO "glossary_entry_forms" VALUES(314,96,'en','vr');
INSERT INTO "glossary_entry_forms" VALUES(315,97,'vi','khởi nghiệp');
INSERT INTO "glossary_entry_forms" VALUES(316,97,'vi','khởi nghiệp sáng tạo');
INSERT INTO "glossary_entry_forms" VALUES(317,97,'en','entrepreneurship');
INSERT INTO "glossary_entry_forms" VALUES(318,97,'en','start up');
INSERT INTO "glossary_entry_forms" VALUES(319,97,'en','start ups');
INSERT INTO "glossary_entry_forms" VALUES(320,97,'en','startup');
INSERT INTO "glossary_entry_forms" VALUES(321,97,'en','startups');
INSERT INTO "glossary_entry_forms" VALUES(322,98,'vi','các nhóm yếu thế');
INSERT INTO "glossary_entry_forms" VALUES(323,98,'vi','nhóm yếu thế');
INSERT INTO "glossary_entry_forms" VALUES(324,98,'en','disadvantaged groups');
INSERT INTO "glossary_entry_forms" VALUES(325,98,'en','vulnerable groups');
INSERT INTO "glossary_entry_forms" VALUES(326,99,'vi','người hà nội thanh lịch');
INSERT INTO "glossary_entry_forms" VALUES(327,99,'vi','người hà nội thanh lịch văn minh');
INSERT INTO "glossary_entry_forms" VALUES(328,99,'en','elegant and civilised hanoians');
INSERT INTO "glossary_entry_forms" VALUES(329,99,'en','elegant and civilized hanoians');
INSERT INTO "glossary_entry_forms" VALUES(330,100,'vi','nghị quyết số 09 nq/tu');
INSERT INTO "glossary_entry_forms" VALUES(331,100,'en','resolution no. 09 nq/tu');
INSERT INTO "glossary_entry_forms" VALUES(332,101,'vi','ẩm thực');
INSERT INTO "glossary_entry_forms" VALUES(333,101,'en','cuisine');
INSERT INTO "glossary_entry_forms" VALUES(334,101,'en','culinary culture');
INSERT INTO "glossary_entry_forms" VALUES(335,102,'vi','phở');
INSERT INTO "glossary_entry_forms" VALUES(336,102,'en','pho');
INSERT INTO "glossary_entry_forms" VALUES(337,102,'en','phở');
INSERT INTO "glossary_entry_forms" VALUES(338,103,'vi','bún chả');
INSERT INTO "glossary_entry_forms" VALUES(339,103,'en','bun cha');
INSERT INTO "glossary_entry_forms" VALUES(340,103,'en','bún chả');
INSERT INTO "glossary_entry_forms" VALUES(341,104,'vi','chả cá lã vọng');
INSERT INTO "glossary_entry_forms" VALUES(342,104,'en','cha ca la vong');
INSERT INTO "glossary_entry_forms" VALUES(343,104,'en','cha ca la vong grilled fish');
INSERT INTO "glossary_entry_forms" VALUES(344,105,'vi','cốm');
INSERT INTO "glossary_entry_forms" VALUES(345,105,'vi','cốm vòng');
INSERT INTO "glossary_entry_forms" VALUES(346,105,'en','green rice flakes');
INSERT INTO "glossary_entry_forms" VALUES(347,105,'en','young green rice flakes');
INSERT INTO "glossary_entry_forms" VALUES(348,106,'vi','bánh cuốn');
INSERT INTO "glossary_entry_forms" VALUES(349,106,'en','banh cuon');
INSERT INTO "glossary_entry_forms" VALUES(350,106,'en','steamed rice rolls');
INSERT INTO "glossary_entry_forms" VALUES(351,107,'vi','ẩm thực đường phố');
INSERT INTO "glossary_entry_forms" VALUES(352,107,'en','street food');
INSERT INTO "glossary_entry_forms" VALUES(353,109,'vi','kiến trúc đô thị');
INSERT INTO "glossary_entry_forms" VALUES(354,109,'en','urban architecture');
INSERT INTO "glossary_entry_forms" VALUES(355,112,'vi','hà nội');
INSERT INTO "glossary_entry_forms" VALUES(356,112,'vi','thủ đô hà nội');
INSERT INTO "glossary_entry_forms" VALUES(357,112,'en','ha noi');
INSERT INTO "glossary_entry_forms" VALUES(358,112,'en','hanoi');
INSERT INTO "glossary_entry_forms" VALUES(359,113,'vi','việt nam');
INSERT INTO "glossary_entry_forms" VALUES(360,113,'en','viet nam');
INSERT INTO "glossary_entry_forms" VALUES(361,113,'en','vietnam');
INSERT INTO "glossary_entry_forms" VALUES(362,114,'vi','đông nam á');
INSERT INTO "glossary_entry_forms" VALUES(363,114,'en','south east asia');
INSERT INTO "glossary_entry_forms" VALUES(364,114,'en','southeast asia');
INSERT INTO "glossary_entry_forms" VALUES(365,115,'vi','bandung');
INSERT INTO "glossary_entry_forms" VALUES(366,115,'vi','băng đung');
INSERT INTO "glossary_entry_forms" VALUES(367,115,'en','bandung');
INSERT INTO "glossary_entry_forms" VALUES(368,116,'vi','singapore');
INSERT INTO "glossary_entry_forms" VALUES(369,116,'vi','xin ga po');
INSERT INTO "glossary_entry_forms" VALUES(370,116,'en','singapore');
INSERT INTO "glossary_entry_forms" VALUES(371,117,'vi','gia lâm');
INSERT INTO "glossary_entry_forms" VALUES(372,117,'vi','huyện gia lâm');
INSERT INTO "glossary_entry_forms" VALUES(373,117,'en','gia lam');
INSERT INTO "glossary_entry_forms" VALUES(374,117,'en','gia lam district');
INSERT INTO "glossary_entry_forms" VALUES(375,118,'vi','hà đông');
INSERT INTO "glossary_entry_forms" VALUES(376,118,'vi','quận hà đông');
INSERT INTO "glossary_entry_forms" VALUES(377,118,'en','ha dong');
INSERT INTO "glossary_entry_forms" VALUES(378,118,'en','ha dong district');
INSERT INTO "glossary_entry_forms" VALUES(379,119,'vi','huyện thường tín');
INSERT INTO "glossary_entry_forms" VALUES(380,119,'vi','thường tín');
INSERT INTO "glossary_entry_forms" VALUES(381,119,'en','thuong tin');
INSERT INTO "glossary_entry_forms" VALUES(382,119,'en','thuong tin district');
INSERT INTO "glossary_entry_forms" VALUES(383,120,'vi','huyện phú xuyên');
INSERT INTO "glossary_entry_forms" VALUES(384,120,'vi','phú xuyên');
INSERT INTO "glossary_entry_forms" VALUES(385,120,'en','phu xuyen');
INSERT INTO "glossary_entry_forms" VALUES(386,120,'en','phu xuyen district');
INSERT INTO "glossary_entry_forms" VALUES(387,121,'vi','gốm men lam');
INSERT INTO "glossary_entry_forms" VALUES(388,121,'en','blue glazed ceramics');
CREATE TABLE glossary_entry_history (
	id INTEGER NOT NULL, 
	entry_id INTEGER NOT NULL, 
	revision INTEGER NOT NULL, 
	action VARCHAR(20) NOT NULL, 
	snapshot JSON NOT NULL, 
	changed_by VARCHAR(120) NOT NULL, 
	changed_at DATETIME NOT NULL, 
	glossary_version INTEGER NOT NULL, 
	comment TEXT NOT NULL, 
	CONSTRAINT pk_glossary_entry_history PRIMARY KEY (id), 
	CONSTRAINT fk_glossary_entry_history_entry_id_glossary_entries FOREIGN KEY(entry_id) REFERENCES glossary_entries (id) ON DELETE CASCADE, 
	CONSTRAINT uq_glossary_entry_history_entry_revision UNIQUE (entry_id, revision)
);
INSERT INTO "glossary_entry_history" VALUES(1,1,1,'imported','{"vi": "M\u1ea1ng l\u01b0\u1edbi c\u00e1c Th\u00e0nh ph\u1ed1 S\u00e1ng t\u1ea1o c\u1ee7a UNESCO", "en": "UNESCO Creative Cities Network", "domain": "unesco", "kind": "term", "vi_variants": ["M\u1ea1ng l\u01b0\u1edbi Th\u00e0nh ph\u1ed1 S\u00e1ng t\u1ea1o UNESCO", "M\u1ea1ng l\u01b0\u1edbi c\u00e1c th\u00e0nh ph\u1ed1 s\u00e1ng t\u1ea1o UNESCO"], "en_variants": ["UCCN"], "en_forbidden": [], "vi_forbidden": [], "note": "Official name; abbreviation UCCN may follow in parentheses", "status": "approved", "external_id": "1"}','seed','2026-12-03 07:44:04.439360',1,'');
INSERT INTO "glossary_entry_history" VALUES(2,2,1,'imported','{"vi": "Th\u00e0nh ph\u1ed1 S\u00e1ng t\u1ea1o", "en": "Creative City", "domain": "unesco", "kind": "term", "vi_variants": [], "en_variants": ["Creative Cities"], "en_forbidden": [], "vi_forbidden": [], "note": "Capitalise when it is the UNESCO designation", "status": "approved", "external_id": "2"}','seed','2026-12-03 07:44:04.450494',1,'');
INSERT INTO "glossary_entry_history" VALUES(3,3,1,'imported','{"vi": "l\u0129nh v\u1ef1c Thi\u1ebft k\u1ebf", "en": "field of Design", "domain": "unesco", "kind": "term", "vi_variants": [], "en_variants": [], "en_forbidden": [], "vi_forbidden": [], "note": "Hanoi joined the network in the field of Design (2019)", "status": "approved", "external_id": "3"}','seed','2026-12-03 07:44:04.450888',1,'');
INSERT INTO "glossary_entry_history" VALUES(4,4,1,'imported','{"vi": "Th\u00e0nh ph\u1ed1 S\u00e1ng t\u1ea1o Thi\u1ebft k\u1ebf", "en": "Creative City of Design", "domain": "unesco", "kind": "term", "vi_variants": ["th\u00e0nh ph\u1ed1 s\u00e1ng t\u1ea1o v\u1ec1 thi\u1ebft k\u1ebf", "Th\u00e0nh ph\u1ed1 S\u00e1ng t\u1ea1o trong l\u0129nh v\u1ef1c Thi\u1ebft k\u1ebf"], "en_variants": ["City of Design", "Creative Cities of Design"], "en_forbidden": ["Design Creative City"], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "4"}','seed','2026-12-03 07:44:04.451144',1,'');
INSERT INTO "glossary_entry_history" VALUES(5,5,1,'imported','{"vi": "M\u1ee5c ti\u00eau Ph\u00e1t tri\u1ec3n B\u1ec1n v\u1eefng", "en": "Sustainable Development Goals", "domain": "unesco", "kind": "term", "vi_variants": ["c\u00e1c m\u1ee5c ti\u00eau ph\u00e1t tri\u1ec3n b\u1ec1n v\u1eefng"], "en_variants": ["SDGs", "Sustainable Development Goal"], "en_forbidden": [], "vi_forbidden": [], "note": "UN 2030 Agenda", "status": "approved", "external_id": "5"}','seed','2026-12-03 07:44:04.451545',1,'');
INSERT INTO "glossary_entry_history" VALUES(6,6,1,'imported','{"vi": "Ch\u01b0\u01a1ng tr\u00ecnh Ngh\u1ecb s\u1ef1 2030", "en": "2030 Agenda for Sustainable Development", "domain": "unesco", "kind": "term", "vi_variants": ["Ch\u01b0\u01a1ng tr\u00ecnh ngh\u1ecb s\u1ef1 2030 v\u00ec s\u1ef1 ph\u00e1t tri\u1ec3n b\u1ec1n v\u1eefng"], "en_variants": ["2030 Agenda"], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "6"}','seed','2026-12-03 07:44:04.451929',1,'');
INSERT INTO "glossary_entry_history" VALUES(7,7,1,'imported','{"vi": "di s\u1ea3n v\u0103n h\u00f3a phi v\u1eadt th\u1ec3", "en": "intangible cultural heritage", "domain": "unesco", "kind": "term", "vi_variants": [], "en_variants": ["intangible heritage"], "en_forbidden": ["non-material cultural heritage"], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "7"}','seed','2026-12-03 07:44:04.452301',1,'');
INSERT INTO "glossary_entry_history" VALUES(8,8,1,'imported','{"vi": "di s\u1ea3n v\u0103n h\u00f3a v\u1eadt th\u1ec3", "en": "tangible cultural heritage", "domain": "unesco", "kind": "term", "vi_variants": [], "en_variants": [], "en_forbidden": ["material cultural heritage"], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "8"}','seed','2026-12-03 07:44:04.452655',1,'');
INSERT INTO "glossary_entry_history" VALUES(9,9,1,'imported','{"vi": "Di s\u1ea3n Th\u1ebf gi\u1edbi", "en": "World Heritage", "domain": "unesco", "kind": "term", "vi_variants": [], "en_variants": ["World Heritage Site", "World Heritage Sites"], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "9"}','seed','2026-12-03 07:44:04.452927',1,'');
INSERT INTO "glossary_entry_history" VALUES(10,10,1,'imported','{"vi": "V\u0103n ph\u00f2ng UNESCO t\u1ea1i Vi\u1ec7t Nam", "en": "UNESCO Office in Viet Nam", "domain": "unesco", "kind": "term", "vi_variants": ["V\u0103n ph\u00f2ng \u0111\u1ea1i di\u1ec7n UNESCO t\u1ea1i Vi\u1ec7t Nam"], "en_variants": ["UNESCO Viet Nam Office"], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "10"}','seed','2026-12-03 07:44:04.453238',1,'');
INSERT INTO "glossary_entry_history" VALUES(11,11,1,'imported','{"vi": "c\u00f4ng nghi\u1ec7p v\u0103n h\u00f3a", "en": "cultural industries", "domain": "unesco", "kind": "term", "vi_variants": ["c\u00e1c ng\u00e0nh c\u00f4ng nghi\u1ec7p v\u0103n h\u00f3a"], "en_variants": ["cultural industry"], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "11"}','seed','2026-12-03 07:44:04.453561',1,'');
INSERT INTO "glossary_entry_history" VALUES(12,12,1,'imported','{"vi": "c\u00f4ng nghi\u1ec7p s\u00e1ng t\u1ea1o", "en": "creative industries", "domain": "unesco", "kind": "term", "vi_variants": ["c\u00e1c ng\u00e0nh c\u00f4ng nghi\u1ec7p s\u00e1ng t\u1ea1o"], "en_variants": ["creative industry"], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "12"}','seed','2026-12-03 07:44:04.453878',1,'');
INSERT INTO "glossary_entry_history" VALUES(13,13,1,'imported','{"vi": "kh\u00f4ng gian s\u00e1ng t\u1ea1o", "en": "creative space", "domain": "unesco", "kind": "term", "vi_variants": ["c\u00e1c kh\u00f4ng gian s\u00e1ng t\u1ea1o"], "en_variants": ["creative spaces"], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "13"}','seed','2026-12-03 07:44:04.454436',1,'');
INSERT INTO "glossary_entry_history" VALUES(14,14,1,'imported','{"vi": "kinh t\u1ebf s\u00e1ng t\u1ea1o", "en": "creative economy", "domain": "unesco", "kind": "term", "vi_variants": [], "en_variants": [], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "14"}','seed','2026-12-03 07:44:04.454775',1,'');
INSERT INTO "glossary_entry_history" VALUES(15,15,1,'imported','{"vi": "thi\u1ebft k\u1ebf s\u00e1ng t\u1ea1o", "en": "creative design", "domain": "unesco", "kind": "term", "vi_variants": [], "en_variants": [], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "15"}','seed','2026-12-03 07:44:04.455034',1,'');
INSERT INTO "glossary_entry_history" VALUES(16,16,1,'imported','{"vi": "ph\u00e1t tri\u1ec3n b\u1ec1n v\u1eefng", "en": "sustainable development", "domain": "unesco", "kind": "term", "vi_variants": [], "en_variants": [], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "16"}','seed','2026-12-03 07:44:04.455297',1,'');
INSERT INTO "glossary_entry_history" VALUES(17,17,1,'imported','{"vi": "Di\u1ec5n \u0111\u00e0n M\u1ea1ng l\u01b0\u1edbi c\u00e1c Th\u00e0nh ph\u1ed1 S\u00e1ng t\u1ea1o \u0110\u00f4ng Nam \u00c1", "en": "Southeast Asian Creative Cities Network Forum", "domain": "unesco", "kind": "term", "vi_variants": [], "en_variants": ["SEACCN Forum"], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "17"}','seed','2026-12-03 07:44:04.455548',1,'');
INSERT INTO "glossary_entry_history" VALUES(18,18,1,'imported','{"vi": "H\u1ed9i ngh\u1ecb th\u01b0\u1eddng ni\u00ean M\u1ea1ng l\u01b0\u1edbi c\u00e1c Th\u00e0nh ph\u1ed1 S\u00e1ng t\u1ea1o c\u1ee7a UNESCO", "en": "UNESCO Creative Cities Network Annual Conference", "domain": "unesco", "kind": "term", "vi_variants": [], "en_variants": ["UCCN Annual Conference"], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "18"}','seed','2026-12-03 07:44:04.455857',1,'');
INSERT INTO "glossary_entry_history" VALUES(19,19,1,'imported','{"vi": "h\u1ed3 s\u01a1 \u1ee9ng c\u1eed", "en": "candidacy dossier", "domain": "unesco", "kind": "term", "vi_variants": ["h\u1ed3 s\u01a1 \u1ee9ng c\u1eed gia nh\u1eadp"], "en_variants": ["application dossier"], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "19"}','seed','2026-12-03 07:44:04.456144',1,'');
INSERT INTO "glossary_entry_history" VALUES(20,21,1,'imported','{"vi": "S\u1edf V\u0103n h\u00f3a v\u00e0 Th\u1ec3 thao H\u00e0 N\u1ed9i", "en": "Hanoi Department of Culture and Sports", "domain": "org", "kind": "name", "vi_variants": ["S\u1edf V\u0103n h\u00f3a v\u00e0 Th\u1ec3 thao th\u00e0nh ph\u1ed1 H\u00e0 N\u1ed9i"], "en_variants": [], "en_forbidden": ["Hanoi Culture and Sport Department"], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "21"}','seed','2026-12-03 07:44:04.456468',1,'');
INSERT INTO "glossary_entry_history" VALUES(21,22,1,'imported','{"vi": "\u1ee6y ban nh\u00e2n d\u00e2n th\u00e0nh ph\u1ed1 H\u00e0 N\u1ed9i", "en": "Hanoi People''s Committee", "domain": "org", "kind": "name", "vi_variants": ["UBND th\u00e0nh ph\u1ed1 H\u00e0 N\u1ed9i", "UBND TP H\u00e0 N\u1ed9i"], "en_variants": [], "en_forbidden": ["Hanoi City Council"], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "22"}','seed','2026-12-03 07:44:04.456778',1,'');
INSERT INTO "glossary_entry_history" VALUES(22,23,1,'imported','{"vi": "Th\u00e0nh \u1ee7y H\u00e0 N\u1ed9i", "en": "Hanoi Party Committee", "domain": "org", "kind": "name", "vi_variants": [], "en_variants": [], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "23"}','seed','2026-12-03 07:44:04.457115',1,'');
INSERT INTO "glossary_entry_history" VALUES(23,24,1,'imported','{"vi": "B\u1ed9 Ch\u00ednh tr\u1ecb", "en": "Politburo", "domain": "org", "kind": "name", "vi_variants": [], "en_variants": [], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "24"}','seed','2026-12-03 07:44:04.457378',1,'');
INSERT INTO "glossary_entry_history" VALUES(24,25,1,'imported','{"vi": "B\u1ed9 V\u0103n h\u00f3a, Th\u1ec3 thao v\u00e0 Du l\u1ecbch", "en": "Ministry of Culture, Sports and Tourism", "domain": "org", "kind": "name", "vi_variants": [], "en_variants": [], "en_forbidden": [], "vi_forbidden": [], "note": "Names with commas are quoted", "status": "approved", "external_id": "25"}','seed','2026-12-03 07:44:04.457631',1,'');
INSERT INTO "glossary_entry_history" VALUES(25,26,1,'imported','{"vi": "B\u1ed9 Ngo\u1ea1i giao", "en": "Ministry of Foreign Affairs", "domain": "org", "kind": "name", "vi_variants": [], "en_variants": [], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "26"}','seed','2026-12-03 07:44:04.457896',1,'');
INSERT INTO "glossary_entry_history" VALUES(26,27,1,'imported','{"vi": "Trung t\u00e2m Th\u00f4ng tin Tri\u1ec3n l\u00e3m H\u00e0 N\u1ed9i", "en": "Hanoi Information and Exhibition Centre", "domain": "org", "kind": "name", "vi_variants": [], "en_variants": ["Hanoi Information and Exhibition Center"], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "27"}','seed','2026-12-03 07:44:04.458316',1,'');
INSERT INTO "glossary_entry_history" VALUES(27,28,1,'imported','{"vi": "Ph\u00f2ng Qu\u1ea3n l\u00fd Di s\u1ea3n", "en": "Heritage Management Division", "domain": "org", "kind": "name", "vi_variants": ["Ph\u00f2ng Qu\u1ea3n l\u00fd Di s\u1ea3n V\u0103n h\u00f3a"], "en_variants": ["Cultural Heritage Management Division"], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "28"}','seed','2026-12-03 07:44:04.458733',1,'');
INSERT INTO "glossary_entry_history" VALUES(28,29,1,'imported','{"vi": "Ph\u00f2ng K\u1ebf ho\u1ea1ch T\u00e0i ch\u00ednh", "en": "Planning and Finance Division", "domain": "org", "kind": "name", "vi_variants": [], "en_variants": [], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "29"}','seed','2026-12-03 07:44:04.459050',1,'');
INSERT INTO "glossary_entry_history" VALUES(29,30,1,'imported','{"vi": "Trung t\u00e2m Thi\u1ebft k\u1ebf S\u00e1ng t\u1ea1o H\u00e0 N\u1ed9i", "en": "Hanoi Creative Design Centre", "domain": "org", "kind": "name", "vi_variants": [], "en_variants": ["Hanoi Creative Design Center"], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "30"}','seed','2026-12-03 07:44:04.459302',1,'');
INSERT INTO "glossary_entry_history" VALUES(30,31,1,'imported','{"vi": "L\u1ec5 h\u1ed9i Thi\u1ebft k\u1ebf S\u00e1ng t\u1ea1o H\u00e0 N\u1ed9i", "en": "Hanoi Creative Design Festival", "domain": "org", "kind": "name", "vi_variants": [], "en_variants": [], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "31"}','seed','2026-12-03 07:44:04.459599',1,'');
INSERT INTO "glossary_entry_history" VALUES(31,32,1,'imported','{"vi": "T\u00e0i n\u0103ng S\u00e1ng t\u1ea1o H\u00e0 N\u1ed9i", "en": "Hanoi Creative Talent", "domain": "org", "kind": "name", "vi_variants": [], "en_variants": [], "en_forbidden": [], "vi_forbidden": [], "note": "Television programme series", "status": "approved", "external_id": "32"}','seed','2026-12-03 07:44:04.459870',1,'');
INSERT INTO "glossary_entry_history" VALUES(32,33,1,'imported','{"vi": "Hi\u1ec7p h\u1ed9i L\u00e0ng ngh\u1ec1 H\u00e0 N\u1ed9i", "en": "Hanoi Craft Village Association", "domain": "org", "kind": "name", "vi_variants": [], "en_variants": ["Hanoi Craft Villages Association"], "en_forbidden": ["Hanoi Trade Village Association"], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "33"}','seed','2026-12-03 07:44:04.460130',1,'');
INSERT INTO "glossary_entry_history" VALUES(33,34,1,'imported','{"vi": "H\u1ed9i Li\u00ean hi\u1ec7p V\u0103n h\u1ecdc Ngh\u1ec7 thu\u1eadt H\u00e0 N\u1ed9i", "en": "Hanoi Union of Literature and Arts Associations", "domain": "org", "kind": "name", "vi_variants": [], "en_variants": [], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "34"}','seed','2026-12-03 07:44:04.460412',1,'');
INSERT INTO "glossary_entry_history" VALUES(34,35,1,'imported','{"vi": "Li\u00ean hi\u1ec7p c\u00e1c H\u1ed9i Khoa h\u1ecdc v\u00e0 K\u1ef9 thu\u1eadt H\u00e0 N\u1ed9i", "en": "Hanoi Union of Science and Technology Associations", "domain": "org", "kind": "name", "vi_variants": ["Li\u00ean hi\u1ec7p Khoa h\u1ecdc k\u1ef9 thu\u1eadt H\u00e0 N\u1ed9i"], "en_variants": [], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "35"}','seed','2026-12-03 07:44:04.460681',1,'');
INSERT INTO "glossary_entry_history" VALUES(35,36,1,'imported','{"vi": "C\u00e2u l\u1ea1c b\u1ed9 Doanh nh\u00e2n S\u00e1ng t\u1ea1o", "en": "Creative Entrepreneurs Club", "domain": "org", "kind": "name", "vi_variants": [], "en_variants": [], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "36"}','seed','2026-12-03 07:44:04.460974',1,'');
INSERT INTO "glossary_entry_history" VALUES(36,37,1,'imported','{"vi": "H\u1ed9i Ngh\u1ec7 nh\u00e2n Th\u1ee3 gi\u1ecfi", "en": "Association of Artisans and Skilled Craftspeople", "domain": "org", "kind": "name", "vi_variants": [], "en_variants": [], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "37"}','seed','2026-12-03 07:44:04.461300',1,'');
INSERT INTO "glossary_entry_history" VALUES(37,38,1,'imported','{"vi": "Hi\u1ec7p h\u1ed9i Thi\u1ebft k\u1ebf M\u1eabu v\u00e0 S\u00e1ng t\u1ea1o M\u1ef9 thu\u1eadt Vi\u1ec7t Nam", "en": "Viet Nam Association of Pattern Design and Fine Arts Creation", "domain": "org", "kind": "name", "vi_variants": [], "en_variants": [], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "38"}','seed','2026-12-03 07:44:04.461559',1,'');
INSERT INTO "glossary_entry_history" VALUES(38,39,1,'imported','{"vi": "Hanoi Design Center", "en": "Hanoi Design Center", "domain": "org", "kind": "dnt", "vi_variants": [], "en_variants": [], "en_forbidden": [], "vi_forbidden": [], "note": "A creative space named in English; kept as written (not the same entry as id 30)", "status": "approved", "external_id": "39"}','seed','2026-12-03 07:44:04.461824',1,'');
INSERT INTO "glossary_entry_history" VALUES(39,40,1,'imported','{"vi": "VICAS Art Studio", "en": "VICAS Art Studio", "domain": "org", "kind": "dnt", "vi_variants": ["VICAS Arts Studio"], "en_variants": ["VICAS Arts Studio"], "en_forbidden": [], "vi_forbidden": [], "note": "Name of a creative space; keep as written", "status": "approved", "external_id": "40"}','seed','2026-12-03 07:44:04.462071',1,'');
INSERT INTO "glossary_entry_history" VALUES(40,41,1,'imported','{"vi": "VCCA", "en": "VCCA", "domain": "org", "kind": "dnt", "vi_variants": [], "en_variants": [], "en_forbidden": [], "vi_forbidden": [], "note": "Vincom Center for Contemporary Art; keep the acronym", "status": "approved", "external_id": "41"}','seed','2026-12-03 07:44:04.462612',1,'');
INSERT INTO "glossary_entry_history" VALUES(41,42,1,'imported','{"vi": "Manzi Art Space", "en": "Manzi Art Space", "domain": "org", "kind": "dnt", "vi_variants": [], "en_variants": [], "en_forbidden": [], "vi_forbidden": [], "note": "Name of a creative space; keep as written", "status": "approved", "external_id": "42"}','seed','2026-12-03 07:44:04.462900',1,'');
INSERT INTO "glossary_entry_history" VALUES(42,43,1,'imported','{"vi": "Workroom Four", "en": "Workroom Four", "domain": "org", "kind": "dnt", "vi_variants": ["Workroomfour"], "en_variants": ["Workroomfour"], "en_forbidden": [], "vi_forbidden": [], "note": "Name of a creative space; keep as written", "status": "approved", "external_id": "43"}','seed','2026-12-03 07:44:04.463163',1,'');
INSERT INTO "glossary_entry_history" VALUES(43,44,1,'imported','{"vi": "UNESCO", "en": "UNESCO", "domain": "org", "kind": "dnt", "vi_variants": [], "en_variants": [], "en_forbidden": [], "vi_forbidden": [], "note": "Never translate or expand", "status": "approved", "external_id": "44"}','seed','2026-12-03 07:44:04.463468',1,'');
INSERT INTO "glossary_entry_history" VALUES(44,45,1,'imported','{"vi": "l\u00e0ng ngh\u1ec1", "en": "craft village", "domain": "craft", "kind": "term", "vi_variants": ["l\u00e0ng ngh\u1ec1 truy\u1ec1n th\u1ed1ng"], "en_variants": ["craft villages", "traditional craft village", "traditional craft villages"], "en_forbidden": ["trade village", "trade villages", "handicraft village"], "vi_forbidden": [], "note": "Preferred English is craft village", "status": "approved", "external_id": "45"}','seed','2026-12-03 07:44:04.463726',1,'');
INSERT INTO "glossary_entry_history" VALUES(45,46,1,'imported','{"vi": "ngh\u1ec7 nh\u00e2n", "en": "artisan", "domain": "craft", "kind": "term", "vi_variants": [], "en_variants": ["artisans"], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "46"}','seed','2026-12-03 07:44:04.464113',1,'');
INSERT INTO "glossary_entry_history" VALUES(46,47,1,'imported','{"vi": "ngh\u1ec7 nh\u00e2n nh\u00e2n d\u00e2n", "en": "People''s Artisan", "domain": "craft", "kind": "term", "vi_variants": [], "en_variants": ["People''s Artisans"], "en_forbidden": [], "vi_forbidden": [], "note": "State title", "status": "approved", "external_id": "47"}','seed','2026-12-03 07:44:04.464403',1,'');
INSERT INTO "glossary_entry_history" VALUES(47,48,1,'imported','{"vi": "ngh\u1ec7 nh\u00e2n \u01b0u t\u00fa", "en": "Meritorious Artisan", "domain": "craft", "kind": "term", "vi_variants": [], "en_variants": ["Meritorious Artisans"], "en_forbidden": [], "vi_forbidden": [], "note": "State title", "status": "approved", "external_id": "48"}','seed','2026-12-03 07:44:04.464686',1,'');
INSERT INTO "glossary_entry_history" VALUES(48,49,1,'imported','{"vi": "ngh\u1ec1 th\u1ee7 c\u00f4ng", "en": "handicraft", "domain": "craft", "kind": "term", "vi_variants": ["ngh\u1ec1 th\u1ee7 c\u00f4ng truy\u1ec1n th\u1ed1ng", "th\u1ee7 c\u00f4ng m\u1ef9 ngh\u1ec7"], "en_variants": ["handicrafts", "traditional handicrafts"], "en_forbidden": [], "vi_forbidden": [], "note": "Also the name of a site section", "status": "approved", "external_id": "49"}','seed','2026-12-03 07:44:04.464969',1,'');
INSERT INTO "glossary_entry_history" VALUES(49,50,1,'imported','{"vi": "g\u1ed1m s\u1ee9", "en": "ceramics", "domain": "craft", "kind": "term", "vi_variants": ["\u0111\u1ed3 g\u1ed1m", "g\u1ed1m"], "en_variants": ["pottery", "ceramic"], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "50"}','seed','2026-12-03 07:44:04.465334',1,'');
INSERT INTO "glossary_entry_history" VALUES(50,51,1,'imported','{"vi": "s\u01a1n m\u00e0i", "en": "lacquer", "domain": "craft", "kind": "term", "vi_variants": ["tranh s\u01a1n m\u00e0i", "\u0111\u1ed3 s\u01a1n m\u00e0i"], "en_variants": ["lacquerware", "lacquer painting"], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "51"}','seed','2026-12-03 07:44:04.465709',1,'');
INSERT INTO "glossary_entry_history" VALUES(51,52,1,'imported','{"vi": "kh\u1ea3m trai", "en": "mother-of-pearl inlay", "domain": "craft", "kind": "term", "vi_variants": ["kh\u1ea3m x\u00e0 c\u1eeb"], "en_variants": [], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "52"}','seed','2026-12-03 07:44:04.466074',1,'');
INSERT INTO "glossary_entry_history" VALUES(52,53,1,'imported','{"vi": "m\u00e2y tre \u0111an", "en": "rattan and bamboo weaving", "domain": "craft", "kind": "term", "vi_variants": ["m\u00e2y tre"], "en_variants": ["rattan and bamboo"], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "53"}','seed','2026-12-03 07:44:04.466510',1,'');
INSERT INTO "glossary_entry_history" VALUES(53,54,1,'imported','{"vi": "l\u1ee5a t\u01a1 t\u1eb1m", "en": "silk", "domain": "craft", "kind": "term", "vi_variants": ["l\u1ee5a"], "en_variants": ["silk fabric"], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "54"}','seed','2026-12-03 07:44:04.466850',1,'');
INSERT INTO "glossary_entry_history" VALUES(54,55,1,'imported','{"vi": "\u0111i\u00eau kh\u1eafc g\u1ed7", "en": "wood carving", "domain": "craft", "kind": "term", "vi_variants": ["t\u1ea1c t\u01b0\u1ee3ng g\u1ed7"], "en_variants": ["woodcarving"], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "55"}','seed','2026-12-03 07:44:04.467170',1,'');
INSERT INTO "glossary_entry_history" VALUES(55,56,1,'imported','{"vi": "\u0111\u00fac \u0111\u1ed3ng", "en": "bronze casting", "domain": "craft", "kind": "term", "vi_variants": [], "en_variants": [], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "56"}','seed','2026-12-03 07:44:04.467479',1,'');
INSERT INTO "glossary_entry_history" VALUES(56,57,1,'imported','{"vi": "t\u00f2 he", "en": "to he rice-dough figurines", "domain": "craft", "kind": "term", "vi_variants": [], "en_variants": ["to he"], "en_forbidden": [], "vi_forbidden": [], "note": "Keep the Vietnamese name and gloss it", "status": "approved", "external_id": "57"}','seed','2026-12-03 07:44:04.467758',1,'');
INSERT INTO "glossary_entry_history" VALUES(57,58,1,'imported','{"vi": "tranh d\u00e2n gian", "en": "folk painting", "domain": "craft", "kind": "term", "vi_variants": [], "en_variants": ["folk paintings"], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "58"}','seed','2026-12-03 07:44:04.468047',1,'');
INSERT INTO "glossary_entry_history" VALUES(58,59,1,'imported','{"vi": "n\u00f3n l\u00e1", "en": "conical hat", "domain": "craft", "kind": "term", "vi_variants": [], "en_variants": ["conical hats", "palm-leaf conical hat"], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "59"}','seed','2026-12-03 07:44:04.468328',1,'');
INSERT INTO "glossary_entry_history" VALUES(59,61,1,'imported','{"vi": "l\u00e0ng g\u1ed1m B\u00e1t Tr\u00e0ng", "en": "Bat Trang pottery village", "domain": "craft", "kind": "name", "vi_variants": ["B\u00e1t Tr\u00e0ng"], "en_variants": ["Bat Trang ceramic village", "Bat Trang"], "en_forbidden": [], "vi_forbidden": [], "note": "Gia L\u00e2m district", "status": "approved", "external_id": "61"}','seed','2026-12-03 07:44:04.468627',1,'');
INSERT INTO "glossary_entry_history" VALUES(60,62,1,'imported','{"vi": "l\u00e0ng l\u1ee5a V\u1ea1n Ph\u00fac", "en": "Van Phuc silk village", "domain": "craft", "kind": "name", "vi_variants": ["V\u1ea1n Ph\u00fac"], "en_variants": ["Van Phuc"], "en_forbidden": [], "vi_forbidden": [], "note": "H\u00e0 \u0110\u00f4ng district", "status": "approved", "external_id": "62"}','seed','2026-12-03 07:44:04.468987',1,'');
INSERT INTO "glossary_entry_history" VALUES(61,63,1,'imported','{"vi": "l\u00e0ng s\u01a1n m\u00e0i H\u1ea1 Th\u00e1i", "en": "Ha Thai lacquer village", "domain": "craft", "kind": "name", "vi_variants": ["H\u1ea1 Th\u00e1i"], "en_variants": ["Ha Thai"], "en_forbidden": [], "vi_forbidden": [], "note": "Th\u01b0\u1eddng T\u00edn district", "status": "approved", "external_id": "63"}','seed','2026-12-03 07:44:04.469307',1,'');
INSERT INTO "glossary_entry_history" VALUES(62,64,1,'imported','{"vi": "l\u00e0ng kh\u1ea3m trai Chuy\u00ean M\u1ef9", "en": "Chuyen My mother-of-pearl inlay village", "domain": "craft", "kind": "name", "vi_variants": ["Chuy\u00ean M\u1ef9"], "en_variants": ["Chuyen My"], "en_forbidden": [], "vi_forbidden": [], "note": "Ph\u00fa Xuy\u00ean district", "status": "approved", "external_id": "64"}','seed','2026-12-03 07:44:04.469614',1,'');
INSERT INTO "glossary_entry_history" VALUES(63,65,1,'imported','{"vi": "l\u00e0ng m\u00e2y tre \u0111an Ph\u00fa Vinh", "en": "Phu Vinh rattan and bamboo weaving village", "domain": "craft", "kind": "name", "vi_variants": ["Ph\u00fa Vinh"], "en_variants": ["Phu Vinh"], "en_forbidden": [], "vi_forbidden": [], "note": "Ch\u01b0\u01a1ng M\u1ef9 district", "status": "approved", "external_id": "65"}','seed','2026-12-03 07:44:04.469985',1,'');
INSERT INTO "glossary_entry_history" VALUES(64,66,1,'imported','{"vi": "l\u00e0ng t\u00f2 he Xu\u00e2n La", "en": "Xuan La to he village", "domain": "craft", "kind": "name", "vi_variants": ["Xu\u00e2n La"], "en_variants": ["Xuan La"], "en_forbidden": [], "vi_forbidden": [], "note": "Ph\u00fa Xuy\u00ean district", "status": "approved", "external_id": "66"}','seed','2026-12-03 07:44:04.470391',1,'');
INSERT INTO "glossary_entry_history" VALUES(65,67,1,'imported','{"vi": "l\u00e0ng h\u01b0\u01a1ng Qu\u1ea3ng Ph\u00fa C\u1ea7u", "en": "Quang Phu Cau incense village", "domain": "craft", "kind": "name", "vi_variants": ["Qu\u1ea3ng Ph\u00fa C\u1ea7u"], "en_variants": ["Quang Phu Cau"], "en_forbidden": [], "vi_forbidden": [], "note": "\u1ee8ng H\u00f2a district", "status": "approved", "external_id": "67"}','seed','2026-12-03 07:44:04.470711',1,'');
INSERT INTO "glossary_entry_history" VALUES(66,68,1,'imported','{"vi": "l\u00e0ng n\u00f3n Chu\u00f4ng", "en": "Chuong conical hat village", "domain": "craft", "kind": "name", "vi_variants": ["l\u00e0ng Chu\u00f4ng"], "en_variants": ["Chuong village"], "en_forbidden": [], "vi_forbidden": [], "note": "Thanh Oai district", "status": "approved", "external_id": "68"}','seed','2026-12-03 07:44:04.471026',1,'');
INSERT INTO "glossary_entry_history" VALUES(67,69,1,'imported','{"vi": "l\u00e0ng t\u01b0\u1ee3ng g\u1ed7 S\u01a1n \u0110\u1ed3ng", "en": "Son Dong wooden statue village", "domain": "craft", "kind": "name", "vi_variants": ["S\u01a1n \u0110\u1ed3ng"], "en_variants": ["Son Dong"], "en_forbidden": [], "vi_forbidden": [], "note": "Ho\u00e0i \u0110\u1ee9c district", "status": "approved", "external_id": "69"}','seed','2026-12-03 07:44:04.471351',1,'');
INSERT INTO "glossary_entry_history" VALUES(68,70,1,'imported','{"vi": "l\u00e0ng qu\u1ea1t Ch\u00e0ng S\u01a1n", "en": "Chang Son fan village", "domain": "craft", "kind": "name", "vi_variants": ["Ch\u00e0ng S\u01a1n"], "en_variants": ["Chang Son"], "en_forbidden": [], "vi_forbidden": [], "note": "Th\u1ea1ch Th\u1ea5t district", "status": "approved", "external_id": "70"}','seed','2026-12-03 07:44:04.471665',1,'');
INSERT INTO "glossary_entry_history" VALUES(69,71,1,'imported','{"vi": "l\u00e0ng \u0111\u00fac \u0111\u1ed3ng Ng\u0169 X\u00e3", "en": "Ngu Xa bronze casting village", "domain": "craft", "kind": "name", "vi_variants": ["Ng\u0169 X\u00e3"], "en_variants": ["Ngu Xa"], "en_forbidden": [], "vi_forbidden": [], "note": "Ba \u0110\u00ecnh district", "status": "approved", "external_id": "71"}','seed','2026-12-03 07:44:04.471964',1,'');
INSERT INTO "glossary_entry_history" VALUES(70,72,1,'imported','{"vi": "tranh H\u00e0ng Tr\u1ed1ng", "en": "Hang Trong folk painting", "domain": "craft", "kind": "name", "vi_variants": [], "en_variants": ["Hang Trong paintings"], "en_forbidden": [], "vi_forbidden": [], "note": "Ho\u00e0n Ki\u1ebfm district", "status": "approved", "external_id": "72"}','seed','2026-12-03 07:44:04.472280',1,'');
INSERT INTO "glossary_entry_history" VALUES(71,73,1,'imported','{"vi": "l\u00e0ng r\u00e8n \u0110a S\u1ef9", "en": "Da Sy blacksmith village", "domain": "craft", "kind": "name", "vi_variants": ["\u0110a S\u1ef9"], "en_variants": ["Da Sy"], "en_forbidden": [], "vi_forbidden": [], "note": "H\u00e0 \u0110\u00f4ng district", "status": "approved", "external_id": "73"}','seed','2026-12-03 07:44:04.472627',1,'');
INSERT INTO "glossary_entry_history" VALUES(72,74,1,'imported','{"vi": "l\u00e0ng ti\u1ec7n Nh\u1ecb Kh\u00ea", "en": "Nhi Khe woodturning village", "domain": "craft", "kind": "name", "vi_variants": ["Nh\u1ecb Kh\u00ea"], "en_variants": ["Nhi Khe"], "en_forbidden": [], "vi_forbidden": [], "note": "Th\u01b0\u1eddng T\u00edn district", "status": "approved", "external_id": "74"}','seed','2026-12-03 07:44:04.472969',1,'');
INSERT INTO "glossary_entry_history" VALUES(73,75,1,'imported','{"vi": "Ho\u00e0ng th\u00e0nh Th\u0103ng Long", "en": "Imperial Citadel of Thang Long", "domain": "heritage", "kind": "name", "vi_variants": ["Khu di t\u00edch Ho\u00e0ng th\u00e0nh Th\u0103ng Long"], "en_variants": ["Thang Long Imperial Citadel"], "en_forbidden": [], "vi_forbidden": [], "note": "World Heritage (2010)", "status": "approved", "external_id": "75"}','seed','2026-12-03 07:44:04.473279',1,'');
INSERT INTO "glossary_entry_history" VALUES(74,76,1,'imported','{"vi": "V\u0103n Mi\u1ebfu \u2013 Qu\u1ed1c T\u1eed Gi\u00e1m", "en": "Temple of Literature", "domain": "heritage", "kind": "name", "vi_variants": ["V\u0103n Mi\u1ebfu Qu\u1ed1c T\u1eed Gi\u00e1m", "V\u0103n Mi\u1ebfu"], "en_variants": ["Temple of Literature \u2013 Imperial Academy"], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "76"}','seed','2026-12-03 07:44:04.473718',1,'');
INSERT INTO "glossary_entry_history" VALUES(75,77,1,'imported','{"vi": "h\u1ed3 Ho\u00e0n Ki\u1ebfm", "en": "Hoan Kiem Lake", "domain": "heritage", "kind": "name", "vi_variants": ["H\u1ed3 G\u01b0\u01a1m"], "en_variants": ["Sword Lake"], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "77"}','seed','2026-12-03 07:44:04.474121',1,'');
INSERT INTO "glossary_entry_history" VALUES(76,78,1,'imported','{"vi": "Ph\u1ed1 c\u1ed5 H\u00e0 N\u1ed9i", "en": "Hanoi Old Quarter", "domain": "heritage", "kind": "name", "vi_variants": ["khu ph\u1ed1 c\u1ed5 H\u00e0 N\u1ed9i", "ph\u1ed1 c\u1ed5"], "en_variants": ["Old Quarter"], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "78"}','seed','2026-12-03 07:44:04.474524',1,'');
INSERT INTO "glossary_entry_history" VALUES(77,79,1,'imported','{"vi": "Ch\u00f9a M\u1ed9t C\u1ed9t", "en": "One Pillar Pagoda", "domain": "heritage", "kind": "name", "vi_variants": [], "en_variants": [], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "79"}','seed','2026-12-03 07:44:04.474875',1,'');
INSERT INTO "glossary_entry_history" VALUES(78,80,1,'imported','{"vi": "c\u1ea7u Long Bi\u00ean", "en": "Long Bien Bridge", "domain": "heritage", "kind": "name", "vi_variants": [], "en_variants": [], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "80"}','seed','2026-12-03 07:44:04.475126',1,'');
INSERT INTO "glossary_entry_history" VALUES(79,81,1,'imported','{"vi": "Nh\u00e0 h\u00e1t L\u1edbn H\u00e0 N\u1ed9i", "en": "Hanoi Opera House", "domain": "heritage", "kind": "name", "vi_variants": [], "en_variants": [], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "81"}','seed','2026-12-03 07:44:04.475391',1,'');
INSERT INTO "glossary_entry_history" VALUES(80,82,1,'imported','{"vi": "H\u1ed9i Gi\u00f3ng", "en": "Giong Festival", "domain": "heritage", "kind": "name", "vi_variants": [], "en_variants": [], "en_forbidden": [], "vi_forbidden": [], "note": "UNESCO intangible heritage (2010)", "status": "approved", "external_id": "82"}','seed','2026-12-03 07:44:04.475636',1,'');
INSERT INTO "glossary_entry_history" VALUES(81,83,1,'imported','{"vi": "ca tr\u00f9", "en": "ca tr\u00f9 singing", "domain": "heritage", "kind": "term", "vi_variants": [], "en_variants": ["ca tr\u00f9", "ca tru", "ca tru singing"], "en_forbidden": [], "vi_forbidden": [], "note": "UNESCO intangible heritage in need of urgent safeguarding (2009)", "status": "approved", "external_id": "83"}','seed','2026-12-03 07:44:04.475904',1,'');
INSERT INTO "glossary_entry_history" VALUES(82,84,1,'imported','{"vi": "m\u00faa r\u1ed1i n\u01b0\u1edbc", "en": "water puppetry", "domain": "heritage", "kind": "term", "vi_variants": ["r\u1ed1i n\u01b0\u1edbc"], "en_variants": ["water puppet", "water puppets"], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "84"}','seed','2026-12-03 07:44:04.476271',1,'');
INSERT INTO "glossary_entry_history" VALUES(83,85,1,'imported','{"vi": "T\u00edn ng\u01b0\u1ee1ng th\u1edd M\u1eabu Tam ph\u1ee7", "en": "Practices related to the Viet beliefs in the Mother Goddesses of Three Realms", "domain": "heritage", "kind": "term", "vi_variants": ["th\u1edd M\u1eabu Tam ph\u1ee7"], "en_variants": ["Mother Goddess worship"], "en_forbidden": [], "vi_forbidden": [], "note": "UNESCO intangible heritage (2016)", "status": "approved", "external_id": "85"}','seed','2026-12-03 07:44:04.476613',1,'');
INSERT INTO "glossary_entry_history" VALUES(84,86,1,'imported','{"vi": "b\u1ea3o t\u1ed3n di s\u1ea3n", "en": "heritage conservation", "domain": "heritage", "kind": "term", "vi_variants": [], "en_variants": ["heritage preservation"], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "86"}','seed','2026-12-03 07:44:04.476945',1,'');
INSERT INTO "glossary_entry_history" VALUES(85,87,1,'imported','{"vi": "di t\u00edch", "en": "relic site", "domain": "heritage", "kind": "term", "vi_variants": ["di t\u00edch l\u1ecbch s\u1eed"], "en_variants": ["historical relic site", "relic sites"], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "87"}','seed','2026-12-03 07:44:04.477226',1,'');
INSERT INTO "glossary_entry_history" VALUES(86,88,1,'imported','{"vi": "\u0111\u00f4 th\u1ecb th\u00f4ng minh", "en": "smart city", "domain": "policy", "kind": "term", "vi_variants": [], "en_variants": ["smart cities"], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "88"}','seed','2026-12-03 07:44:04.477574',1,'');
INSERT INTO "glossary_entry_history" VALUES(87,89,1,'imported','{"vi": "\u0111\u00f4 th\u1ecb sinh th\u00e1i", "en": "eco-city", "domain": "policy", "kind": "term", "vi_variants": [], "en_variants": ["eco-cities", "ecological city"], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "89"}','seed','2026-12-03 07:44:04.477923',1,'');
INSERT INTO "glossary_entry_history" VALUES(88,90,1,'imported','{"vi": "b\u1ea3o t\u1ed3n \u0111\u00f4 th\u1ecb di s\u1ea3n", "en": "heritage urban conservation", "domain": "policy", "kind": "term", "vi_variants": [], "en_variants": [], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "90"}','seed','2026-12-03 07:44:04.478291',1,'');
INSERT INTO "glossary_entry_history" VALUES(89,91,1,'imported','{"vi": "ki\u1ebfn tr\u00fac xanh", "en": "green architecture", "domain": "policy", "kind": "term", "vi_variants": [], "en_variants": [], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "91"}','seed','2026-12-03 07:44:04.478586',1,'');
INSERT INTO "glossary_entry_history" VALUES(90,92,1,'imported','{"vi": "th\u1eddi trang b\u1ec1n v\u1eefng", "en": "sustainable fashion", "domain": "policy", "kind": "term", "vi_variants": [], "en_variants": [], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "92"}','seed','2026-12-03 07:44:04.478845',1,'');
INSERT INTO "glossary_entry_history" VALUES(91,93,1,'imported','{"vi": "Th\u1ecfa thu\u1eadn Paris", "en": "Paris Agreement", "domain": "policy", "kind": "term", "vi_variants": [], "en_variants": [], "en_forbidden": ["Paris Treaty"], "vi_forbidden": [], "note": "On climate change", "status": "approved", "external_id": "93"}','seed','2026-12-03 07:44:04.479121',1,'');
INSERT INTO "glossary_entry_history" VALUES(92,94,1,'imported','{"vi": "bi\u1ebfn \u0111\u1ed5i kh\u00ed h\u1eadu", "en": "climate change", "domain": "policy", "kind": "term", "vi_variants": [], "en_variants": [], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "94"}','seed','2026-12-03 07:44:04.479370',1,'');
INSERT INTO "glossary_entry_history" VALUES(93,95,1,'imported','{"vi": "th\u1ef1c t\u1ebf \u1ea3o t\u0103ng c\u01b0\u1eddng", "en": "augmented reality", "domain": "policy", "kind": "term", "vi_variants": ["th\u1ef1c t\u1ebf t\u0103ng c\u01b0\u1eddng"], "en_variants": ["AR"], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "95"}','seed','2026-12-03 07:44:04.479621',1,'');
INSERT INTO "glossary_entry_history" VALUES(94,96,1,'imported','{"vi": "th\u1ef1c t\u1ebf \u1ea3o", "en": "virtual reality", "domain": "policy", "kind": "term", "vi_variants": [], "en_variants": ["VR"], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "96"}','seed','2026-12-03 07:44:04.479933',1,'');
INSERT INTO "glossary_entry_history" VALUES(95,97,1,'imported','{"vi": "kh\u1edfi nghi\u1ec7p", "en": "start-up", "domain": "policy", "kind": "term", "vi_variants": ["kh\u1edfi nghi\u1ec7p s\u00e1ng t\u1ea1o"], "en_variants": ["start-ups", "startup", "startups", "entrepreneurship"], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "97"}','seed','2026-12-03 07:44:04.480214',1,'');
INSERT INTO "glossary_entry_history" VALUES(96,98,1,'imported','{"vi": "nh\u00f3m y\u1ebfu th\u1ebf", "en": "vulnerable groups", "domain": "policy", "kind": "term", "vi_variants": ["c\u00e1c nh\u00f3m y\u1ebfu th\u1ebf"], "en_variants": ["disadvantaged groups"], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "98"}','seed','2026-12-03 07:44:04.480613',1,'');
INSERT INTO "glossary_entry_history" VALUES(97,99,1,'imported','{"vi": "ng\u01b0\u1eddi H\u00e0 N\u1ed9i thanh l\u1ecbch v\u0103n minh", "en": "elegant and civilised Hanoians", "domain": "policy", "kind": "term", "vi_variants": ["ng\u01b0\u1eddi H\u00e0 N\u1ed9i thanh l\u1ecbch"], "en_variants": ["elegant and civilized Hanoians"], "en_forbidden": [], "vi_forbidden": [], "note": "Campaign slogan", "status": "approved", "external_id": "99"}','seed','2026-12-03 07:44:04.480936',1,'');
INSERT INTO "glossary_entry_history" VALUES(98,100,1,'imported','{"vi": "Ngh\u1ecb quy\u1ebft s\u1ed1 09-NQ/TU", "en": "Resolution No. 09-NQ/TU", "domain": "policy", "kind": "name", "vi_variants": [], "en_variants": [], "en_forbidden": [], "vi_forbidden": [], "note": "Keep document numbers exactly", "status": "approved", "external_id": "100"}','seed','2026-12-03 07:44:04.481470',1,'');
INSERT INTO "glossary_entry_history" VALUES(99,101,1,'imported','{"vi": "\u1ea9m th\u1ef1c", "en": "cuisine", "domain": "cuisine", "kind": "term", "vi_variants": [], "en_variants": ["culinary culture"], "en_forbidden": [], "vi_forbidden": [], "note": "Also the name of a site section", "status": "approved", "external_id": "101"}','seed','2026-12-03 07:44:04.481802',1,'');
INSERT INTO "glossary_entry_history" VALUES(100,102,1,'imported','{"vi": "ph\u1edf", "en": "ph\u1edf", "domain": "cuisine", "kind": "term", "vi_variants": [], "en_variants": ["pho"], "en_forbidden": [], "vi_forbidden": [], "note": "Keep the Vietnamese word", "status": "approved", "external_id": "102"}','seed','2026-12-03 07:44:04.482087',1,'');
INSERT INTO "glossary_entry_history" VALUES(101,103,1,'imported','{"vi": "b\u00fan ch\u1ea3", "en": "b\u00fan ch\u1ea3", "domain": "cuisine", "kind": "term", "vi_variants": [], "en_variants": ["bun cha"], "en_forbidden": [], "vi_forbidden": [], "note": "Keep the Vietnamese word", "status": "approved", "external_id": "103"}','seed','2026-12-03 07:44:04.482513',1,'');
INSERT INTO "glossary_entry_history" VALUES(102,104,1,'imported','{"vi": "ch\u1ea3 c\u00e1 L\u00e3 V\u1ecdng", "en": "Cha Ca La Vong grilled fish", "domain": "cuisine", "kind": "name", "vi_variants": [], "en_variants": ["Cha ca La Vong"], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "104"}','seed','2026-12-03 07:44:04.482831',1,'');
INSERT INTO "glossary_entry_history" VALUES(103,105,1,'imported','{"vi": "c\u1ed1m", "en": "young green rice flakes", "domain": "cuisine", "kind": "term", "vi_variants": ["c\u1ed1m V\u00f2ng"], "en_variants": ["green rice flakes"], "en_forbidden": [], "vi_forbidden": [], "note": "V\u00f2ng village speciality", "status": "approved", "external_id": "105"}','seed','2026-12-03 07:44:04.483106',1,'');
INSERT INTO "glossary_entry_history" VALUES(104,106,1,'imported','{"vi": "b\u00e1nh cu\u1ed1n", "en": "steamed rice rolls", "domain": "cuisine", "kind": "term", "vi_variants": [], "en_variants": ["banh cuon"], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "106"}','seed','2026-12-03 07:44:04.483414',1,'');
INSERT INTO "glossary_entry_history" VALUES(105,107,1,'imported','{"vi": "\u1ea9m th\u1ef1c \u0111\u01b0\u1eddng ph\u1ed1", "en": "street food", "domain": "cuisine", "kind": "term", "vi_variants": [], "en_variants": [], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "107"}','seed','2026-12-03 07:44:04.483695',1,'');
INSERT INTO "glossary_entry_history" VALUES(106,109,1,'imported','{"vi": "ki\u1ebfn tr\u00fac \u0111\u00f4 th\u1ecb", "en": "urban architecture", "domain": "policy", "kind": "term", "vi_variants": [], "en_variants": [], "en_forbidden": [], "vi_forbidden": [], "note": "Also the name of a site section", "status": "approved", "external_id": "109"}','seed','2026-12-03 07:44:04.483993',1,'');
INSERT INTO "glossary_entry_history" VALUES(107,112,1,'imported','{"vi": "H\u00e0 N\u1ed9i", "en": "Hanoi", "domain": "place", "kind": "name", "vi_variants": ["Th\u1ee7 \u0111\u00f4 H\u00e0 N\u1ed9i"], "en_variants": ["Ha Noi"], "en_forbidden": [], "vi_forbidden": [], "note": "Use Hanoi in English running text", "status": "approved", "external_id": "112"}','seed','2026-12-03 07:44:04.484260',1,'');
INSERT INTO "glossary_entry_history" VALUES(108,113,1,'imported','{"vi": "Vi\u1ec7t Nam", "en": "Viet Nam", "domain": "place", "kind": "name", "vi_variants": [], "en_variants": ["Vietnam"], "en_forbidden": [], "vi_forbidden": [], "note": "Official UN spelling is Viet Nam", "status": "approved", "external_id": "113"}','seed','2026-12-03 07:44:04.484579',1,'');
INSERT INTO "glossary_entry_history" VALUES(109,114,1,'imported','{"vi": "\u0110\u00f4ng Nam \u00c1", "en": "Southeast Asia", "domain": "place", "kind": "name", "vi_variants": [], "en_variants": ["South-East Asia"], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "114"}','seed','2026-12-03 07:44:04.484860',1,'');
INSERT INTO "glossary_entry_history" VALUES(110,115,1,'imported','{"vi": "B\u0103ng-\u0111ung", "en": "Bandung", "domain": "place", "kind": "name", "vi_variants": ["Bandung"], "en_variants": [], "en_forbidden": [], "vi_forbidden": [], "note": "Indonesian Creative City of Design", "status": "approved", "external_id": "115"}','seed','2026-12-03 07:44:04.485145',1,'');
INSERT INTO "glossary_entry_history" VALUES(111,116,1,'imported','{"vi": "Xin-ga-po", "en": "Singapore", "domain": "place", "kind": "name", "vi_variants": ["Singapore"], "en_variants": [], "en_forbidden": [], "vi_forbidden": [], "note": "Creative City of Design", "status": "approved", "external_id": "116"}','seed','2026-12-03 07:44:04.485436',1,'');
INSERT INTO "glossary_entry_history" VALUES(112,117,1,'imported','{"vi": "Gia L\u00e2m", "en": "Gia Lam", "domain": "place", "kind": "name", "vi_variants": ["huy\u1ec7n Gia L\u00e2m"], "en_variants": ["Gia Lam district"], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "117"}','seed','2026-12-03 07:44:04.485763',1,'');
INSERT INTO "glossary_entry_history" VALUES(113,118,1,'imported','{"vi": "H\u00e0 \u0110\u00f4ng", "en": "Ha Dong", "domain": "place", "kind": "name", "vi_variants": ["qu\u1eadn H\u00e0 \u0110\u00f4ng"], "en_variants": ["Ha Dong district"], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "118"}','seed','2026-12-03 07:44:04.486065',1,'');
INSERT INTO "glossary_entry_history" VALUES(114,119,1,'imported','{"vi": "Th\u01b0\u1eddng T\u00edn", "en": "Thuong Tin", "domain": "place", "kind": "name", "vi_variants": ["huy\u1ec7n Th\u01b0\u1eddng T\u00edn"], "en_variants": ["Thuong Tin district"], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "119"}','seed','2026-12-03 07:44:04.486467',1,'');
INSERT INTO "glossary_entry_history" VALUES(115,120,1,'imported','{"vi": "Ph\u00fa Xuy\u00ean", "en": "Phu Xuyen", "domain": "place", "kind": "name", "vi_variants": ["huy\u1ec7n Ph\u00fa Xuy\u00ean"], "en_variants": ["Phu Xuyen district"], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "approved", "external_id": "120"}','seed','2026-12-03 07:44:04.486789',1,'');
INSERT INTO "glossary_entry_history" VALUES(116,121,1,'created','{"vi": "g\u1ed1m men lam", "en": "blue-glazed ceramics", "domain": "craft", "kind": "term", "vi_variants": [], "en_variants": [], "en_forbidden": [], "vi_forbidden": [], "note": "", "status": "proposed", "external_id": null}','tran','2026-12-03 07:44:13.445597',2,'');
CREATE TABLE glossary_version (
	id INTEGER NOT NULL, 
	version INTEGER NOT NULL, 
	changed_at DATETIME, 
	CONSTRAINT pk_glossary_version PRIMARY KEY (id)
);
INSERT INTO "glossary_version" VALUES(1,2,'2026-12-03 07:44:13.447284');
CREATE TABLE jobs (
	id INTEGER NOT NULL, 
	document_id INTEGER NOT NULL, 
	state VARCHAR(10) NOT NULL, 
	done INTEGER NOT NULL, 
	total INTEGER NOT NULL, 
	error TEXT, 
	requested_by INTEGER, 
	attempts INTEGER NOT NULL, 
	lease_owner VARCHAR(120), 
	lease_until DATETIME, 
	created_at DATETIME NOT NULL, 
	started_at DATETIME, 
	finished_at DATETIME, 
	CONSTRAINT pk_jobs PRIMARY KEY (id), 
	CONSTRAINT fk_jobs_document_id_documents FOREIGN KEY(document_id) REFERENCES documents (id) ON DELETE CASCADE, 
	CONSTRAINT fk_jobs_requested_by_users FOREIGN KEY(requested_by) REFERENCES users (id) ON DELETE SET NULL
);
INSERT INTO "jobs" VALUES(1,1,'done',18,18,NULL,1,1,NULL,NULL,'2026-12-03 07:44:05.233910','2026-12-03 07:44:05.556545','2026-12-03 07:44:13.406893');
CREATE TABLE login_failures (
	id INTEGER NOT NULL, 
	name VARCHAR(80) NOT NULL, 
	remote VARCHAR(64) NOT NULL, 
	at DATETIME NOT NULL, 
	CONSTRAINT pk_login_failures PRIMARY KEY (id)
);
CREATE TABLE publish_log (
	id INTEGER NOT NULL, 
	document_id INTEGER NOT NULL, 
	user_id INTEGER, 
	override_reason TEXT, 
	blocking JSON NOT NULL, 
	at DATETIME NOT NULL, 
	CONSTRAINT pk_publish_log PRIMARY KEY (id), 
	CONSTRAINT fk_publish_log_document_id_documents FOREIGN KEY(document_id) REFERENCES documents (id) ON DELETE CASCADE, 
	CONSTRAINT fk_publish_log_user_id_users FOREIGN KEY(user_id) REFERENCES users (id) ON DELETE SET NULL
);
CREATE TABLE segment_edits (
	id INTEGER NOT NULL, 
	segment_id INTEGER NOT NULL, 
	user_id INTEGER, 
	action VARCHAR(10) NOT NULL, 
	target TEXT NOT NULL, 
	version INTEGER NOT NULL, 
	distance INTEGER, 
	at DATETIME NOT NULL, 
	CONSTRAINT pk_segment_edits PRIMARY KEY (id), 
	CONSTRAINT fk_segment_edits_segment_id_segments FOREIGN KEY(segment_id) REFERENCES segments (id) ON DELETE CASCADE, 
	CONSTRAINT fk_segment_edits_user_id_users FOREIGN KEY(user_id) REFERENCES users (id) ON DELETE SET NULL
);
INSERT INTO "segment_edits" VALUES(1,1,NULL,'machine','peoplepeoplepeopleenenenenenenenen Phu Phu Phuỏiỏiỏiỏivedvedvedvedvedpeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeopleộộộhịhịỏiỏi site siteioioioiohihi Street Street Streetộộộộộộộộộộộộ sho sho sho thực thực thựcationationationSSSSersCACACACACACAyêyêyêpedpedpedpedpedpedpedquequequeenenenảảCACACACApleple hư hư hưulul kế kế kế kế kế n n n n n n n n Vòng Vòng Vòng Vòng n n n thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậhịhịhịãããããlelelele thuậ thuậ artisan thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậenenen thuậ thuậ thuậ thuậ craft village thuậ thuậ thuậrốrốrốrốrốrốrốrố',2,NULL,'2026-12-03 07:44:11.640043');
INSERT INTO "segment_edits" VALUES(2,2,NULL,'machine','peoplepeoplepeopleenenenenenenenen artisan siteioioioiohihihi Street Streetộộộộộộộộộộộộộ sho sho thực thực thựcationationationSSSopopCACACACACACAyêyêyêpedpedpedpedpedpedpedquequequeenenenảảCACACACApleple hư hư hưulul kế kế kế kế kế n n n n n n n n Vòng Vòng hư craft village Hanoi thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậhịhịhịãããããlelelele thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậenenen thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậrốrốrốrốrốrốrốrố',2,NULL,'2026-12-03 07:44:11.757120');
INSERT INTO "segment_edits" VALUES(3,3,NULL,'machine','peoplepeoplepeopleenenenenenenenen <strong>Phu</strong> Phu Phuỏiỏiỏivedvedvedvedvedvedvedpeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeopleộộộhịhịỏiỏi site siteioioioiohihihi Street Streetộộộộộộộộộộộộộ sho Hanoi thực thựcationationationSSSSersCACACACACACAyêyêyêpedpedpedpedpedpedpedquequequeenenenảảCACACACApleple hư hư hưulul kế kế kế kế kế n n n n n n n n Vòng Vòng hư hưenenen thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậhịhịhịããããããlelele thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậenenen thuậ thuậ thuậ thuậ thuậ thuậ thuậ artisan Hanoi Craft Village Association',2,NULL,'2026-12-03 07:44:11.762974');
INSERT INTO "segment_edits" VALUES(4,4,NULL,'machine','peoplepeoplepeopleenenenenenenenen Phu Phu Phuỏiỏiỏivedvedvedvedvedvedvedpeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeopleộộộhịhịỏiỏi site siteioioioiohihihi Street Streetộộộộộộộộộộộộộ sho sho thực thực thựcationationationSSSSersCACACACACACAyêyêyêpedpedpedpedpedpedpedquequequeenenenảảCACACACApleple artisan Meritorious Artisan thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậrốrốrốrốrốrốrốrố',2,NULL,'2026-12-03 07:44:11.768479');
INSERT INTO "segment_edits" VALUES(5,5,NULL,'machine','peoplepeoplepeopleenenenenenenenen Bat Trang pottery village Ha Thai lacquer village Chuyen My mother-of-pearl inlay village Van Phuc silk village Phu Vinh rattan and bamboo weaving village',2,NULL,'2026-12-03 07:44:11.774008');
INSERT INTO "segment_edits" VALUES(6,6,NULL,'machine','peoplepeoplepeopleenenenenenenenen Phu Phu Phuỏiỏiỏivedvedvedvedvedvedvedpeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeopleộộộhịhịỏiỏi site artisan thuậ thuậ thuậrốrốrốrốrốrốrốrố',2,NULL,'2026-12-03 07:44:11.779158');
INSERT INTO "segment_edits" VALUES(7,7,NULL,'machine','peoplepeoplepeopleenenenenenenenen Phu Phu Phuỏiỏiỏivedvedvedvedvedvedvedpeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeopleộộộhịhịỏiỏi site siteioioioiohihihi Street Streetộộộộộộộộộộộộ sho sho sho thực thực thựcationationationSSSSersCACACACACACAyêyêyêpedpedpedpedpedpedpedquequequeenenenảảCACACACApleple hư hư hưulul kế kế kế kế kế n n n n n n n n Vòng Vòng Vòng Vòng n n n thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậhịhịhịãããããlelelele thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậenenen thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậrốrốrốrốrốrốrốrố',2,NULL,'2026-12-03 07:44:11.783893');
INSERT INTO "segment_edits" VALUES(8,8,NULL,'machine','peoplepeoplepeopleenenenenenenenen Phu Phu <em>Phuỏiỏiỏivedvedvedvedvedvedvedpeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeopleộộộhịhịỏiỏi site Bat Trang pottery village Meritorious Artisan Hanoi Old Quarter</em>',2,NULL,'2026-12-03 07:44:11.789887');
INSERT INTO "segment_edits" VALUES(9,9,NULL,'machine','peoplepeoplepeopleenenenenenenenen Chuyen My mother-of-pearl inlay village mother-of-pearl inlay n n n n n Vòng Vòng hư hưenenen thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậhịhịhịhịhịhịhịhịhịlelele thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậrốrốrốrốrốrốrố',2,NULL,'2026-12-03 07:44:11.795828');
INSERT INTO "segment_edits" VALUES(10,10,NULL,'machine','peoplepeoplepeopleenenenenenenenen Phu Phu Phuỏiỏiỏivedvedvedvedvedvedvedpeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeopleộộộhịhịỏiỏi site siteioioioiohihihi Street Streetộộộộộộộộộộộộộ sho sho thực thực thựcationationationSSSopopCACACACACACAyêyêyêpedpedpedpedpedpedpedquequequeenenenảảCACACACApleple hư hư hưululul kế kế kế kế n n n n n n n n Vòng Vòng hư hưenenen thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậhịhịhịhịhịhịhịhịhịlelele thuậ thuậ artisan thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ lacquer Ha Thai lacquer village thuậrốrốrốrốrốrốrốrố',2,NULL,'2026-12-03 07:44:11.801941');
INSERT INTO "segment_edits" VALUES(11,11,NULL,'machine','peoplepeoplepeopleenenenenenenenen Phu Phu mother-of-pearl inlay artisan Chuyen My mother-of-pearl inlay village thuậ thuậ thuậrốrốrốrốrốrốrốrố',2,NULL,'2026-12-03 07:44:11.806851');
INSERT INTO "segment_edits" VALUES(12,12,NULL,'machine','peoplepeoplepeopleenenenenenenenen mother-of-pearl inlay thuậ thuậ thuậrốrốrốrốrốrốrốrố',2,NULL,'2026-12-03 07:44:11.811966');
INSERT INTO "segment_edits" VALUES(13,13,NULL,'machine','peoplepeoplepeopleenenenenenenenen Phu Phu Phuỏiỏiỏivedvedvedvedvedvedvedpeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeopleộộộhịhịỏiỏi site siteioioioiohihihi Street Streetộộộộộộộộộộộộ sho sho sho thực thực thựcationationationSSSSpepeCACACACACACAoutoutoutoutoutoutoutenenenenenenenenenCACACACACApleple hư hư hưulul kế kế kế kế kế n n n n n n n n Vòng Vòng hư hưenenen thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậhịhịhịãããããlelelele thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậenenen thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậrốrốrốrốrốrốrốrố',2,NULL,'2026-12-03 07:44:11.817154');
INSERT INTO "segment_edits" VALUES(14,14,NULL,'machine','peoplepeoplepeopleenenenenenenenen Phu Phu Phuỏiỏiỏivedvedvedvedvedvedvedpeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeopleộộộhịhịỏiỏi site siteioioioiohihihi Street Streetộộộộộộộộộộộộ sho sho sho thực thực thựcationationationSSSSersCACACACACACAyêyêyêpedpedpedpedpedpedpedquequequeenenenảảCACACACApleple hư hư hưululul kế kế kế kế n n n n n n n n Vòng Vòng hư hưenenen Hanoi craft village thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậhịhịhịhịhịhịhịhịhịlelele thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậrốrốrốrốrốrốrốrố',2,NULL,'2026-12-03 07:44:11.821557');
INSERT INTO "segment_edits" VALUES(15,15,NULL,'machine','handicraft intangible cultural heritage',2,NULL,'2026-12-03 07:44:11.827069');
INSERT INTO "segment_edits" VALUES(16,16,NULL,'machine','peoplepeoplepeopleenenenenenenenen Hanoi Department of Culture and Sports artisan cultural industries thuậ thuậ thuậ thuậ thuậrốrốrốrốrốrốrốrố',2,NULL,'2026-12-03 07:44:11.832274');
INSERT INTO "segment_edits" VALUES(17,17,NULL,'machine','peoplepeoplepeopleenenenenenenenen Phu Phu Phuỏiỏiỏivedvedvedvedvedvedvedpeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeopleộộộhịhịỏiỏi site siteioioioiohihihi Street Streetộộộộộộộộộộộộộ sho sho thực thực thựcationationationSSSopopCACACACACACAyêyêyêpedpedpedpedpedpedpedquequequeenenenảảCACACACApleple hư hư hưululul kế kế kế kế n n n n n n n n Vòng Vòng hư hưenenen thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậhịhịhịhịhịhịhịhịhịlelele thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ',2,NULL,'2026-12-03 07:44:13.402238');
INSERT INTO "segment_edits" VALUES(18,18,NULL,'machine','peoplepeoplepeopleenenenenenenenen Phu Phu Phuỏiỏiỏivedvedvedvedvedvedvedpeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeopleộộộhịhịỏiỏi site siteioioioiohihihi Street Streetộộộộộộộộộộộộộ sho sho thực thực thựcationationationSSSopopCACACACACACAyêyêyêpedpedpedpedpedpedpedquequequeenenenảảCACACACApleple hư hư hưulul kế kế kế kế kế n n n n n n n n Vòng Vòng hư hưenenen thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậhịhịhịããããããlelele thuậ thuậ <a href="https://example.org/trien-lam-cham" rel="noopener noreferrer">thuậ thuậ thuậ</a> thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ',2,NULL,'2026-12-03 07:44:13.405524');
INSERT INTO "segment_edits" VALUES(19,1,2,'save','Bat Trang pottery village',3,646,'2026-12-03 07:44:13.428917');
INSERT INTO "segment_edits" VALUES(20,1,2,'confirm','Bat Trang pottery village',4,NULL,'2026-12-03 07:44:13.436226');
CREATE TABLE segments (
	id INTEGER NOT NULL, 
	document_id INTEGER NOT NULL, 
	"index" INTEGER NOT NULL, 
	field VARCHAR(10) NOT NULL, 
	block INTEGER NOT NULL, 
	kind VARCHAR(20) NOT NULL, 
	source TEXT NOT NULL, 
	source_html TEXT NOT NULL, 
	target TEXT NOT NULL, 
	mt_target TEXT, 
	state VARCHAR(12) NOT NULL, 
	origin VARCHAR(12) NOT NULL, 
	version INTEGER NOT NULL, 
	flags JSON NOT NULL, 
	terms JSON NOT NULL, 
	signature TEXT NOT NULL, 
	match_pct FLOAT, 
	updated_by INTEGER, 
	updated_at DATETIME NOT NULL, 
	CONSTRAINT pk_segments PRIMARY KEY (id), 
	CONSTRAINT fk_segments_document_id_documents FOREIGN KEY(document_id) REFERENCES documents (id) ON DELETE CASCADE, 
	CONSTRAINT fk_segments_updated_by_users FOREIGN KEY(updated_by) REFERENCES users (id) ON DELETE SET NULL, 
	CONSTRAINT uq_segments_document_index UNIQUE (document_id, "index")
);
INSERT INTO "segments" VALUES(1,1,0,'title',0,'text','Nghệ nhân làng nghề và nhà thiết kế trẻ cùng ra mắt 40 sản phẩm mới','Nghệ nhân làng nghề và nhà thiết kế trẻ cùng ra mắt 40 sản phẩm mới','Bat Trang pottery village','peoplepeoplepeopleenenenenenenenen Phu Phu Phuỏiỏiỏiỏivedvedvedvedvedpeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeopleộộộhịhịỏiỏi site siteioioioiohihi Street Street Streetộộộộộộộộộộộộ sho sho sho thực thực thựcationationationSSSSersCACACACACACAyêyêyêpedpedpedpedpedpedpedquequequeenenenảảCACACACApleple hư hư hưulul kế kế kế kế kế n n n n n n n n Vòng Vòng Vòng Vòng n n n thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậhịhịhịãããããlelelele thuậ thuậ artisan thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậenenen thuậ thuậ thuậ thuậ craft village thuậ thuậ thuậrốrốrốrốrốrốrốrố','confirmed','human',4,'[{"check": "missing_term", "severity": "blocking", "message": "''Ngh\u1ec7 nh\u00e2n'' must be translated as ''artisan'' or ''artisans'' (glossary entry 46)", "start": 0, "end": 9, "entry": 46, "side": "source"}, {"check": "missing_term", "severity": "blocking", "message": "''l\u00e0ng ngh\u1ec1'' must be translated as ''craft village'' or ''craft villages'' or ''traditional craft village'' or ''traditional craft villages'' (glossary entry 45)", "start": 10, "end": 19, "entry": 45, "side": "source"}, {"check": "numbers", "severity": "warning", "message": "number(s) 40 from the source are not in the translation (spelled out?)", "start": 52, "end": 54, "entry": null, "side": "source"}]','[{"entry": 46, "start": 0, "end": 9, "source": "Ngh\u1ec7 nh\u00e2n", "targets": ["artisan", "artisans"], "forbidden": [], "kind": "term"}, {"entry": 45, "start": 10, "end": 19, "source": "l\u00e0ng ngh\u1ec1", "targets": ["craft village", "craft villages", "traditional craft village", "traditional craft villages"], "forbidden": ["trade village", "trade villages", "handicraft village"], "kind": "term"}]','songngu:0.1.0|pair:vi-en|engine:ctranslate2-4.8.5|model:test-vi-en@random-seed1234|compute:int8|device:cpu|test-model:yes|beam:4|lp:1|maxlen:2x+10|glossary:v1',NULL,2,'2026-12-03 07:44:13.434934');
INSERT INTO "segments" VALUES(2,1,1,'summary',0,'text','Sau 6 tháng làm việc chung, 12 nghệ nhân đến từ 5 làng nghề của Hà Nội và 20 nhà thiết kế trẻ đã giới thiệu bộ sưu tập 40 sản phẩm kết hợp kỹ thuật truyền thống với ngôn ngữ thiết kế đương đại.','Sau 6 tháng làm việc chung, 12 nghệ nhân đến từ 5 làng nghề của Hà Nội và 20 nhà thiết kế trẻ đã giới thiệu bộ sưu tập 40 sản phẩm kết hợp kỹ thuật truyền thống với ngôn ngữ thiết kế đương đại.','peoplepeoplepeopleenenenenenenenen artisan siteioioioiohihihi Street Streetộộộộộộộộộộộộộ sho sho thực thực thựcationationationSSSopopCACACACACACAyêyêyêpedpedpedpedpedpedpedquequequeenenenảảCACACACApleple hư hư hưulul kế kế kế kế kế n n n n n n n n Vòng Vòng hư craft village Hanoi thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậhịhịhịãããããlelelele thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậenenen thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậrốrốrốrốrốrốrốrố','peoplepeoplepeopleenenenenenenenen artisan siteioioioiohihihi Street Streetộộộộộộộộộộộộộ sho sho thực thực thựcationationationSSSopopCACACACACACAyêyêyêpedpedpedpedpedpedpedquequequeenenenảảCACACACApleple hư hư hưulul kế kế kế kế kế n n n n n n n n Vòng Vòng hư craft village Hanoi thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậhịhịhịãããããlelelele thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậenenen thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậrốrốrốrốrốrốrốrố','machine','mt',2,'[{"check": "numbers", "severity": "warning", "message": "number(s) 12, 20, 40, 5, 6 from the source are not in the translation (spelled out?)", "start": 4, "end": 5, "entry": null, "side": "source"}, {"check": "end_punctuation", "severity": "warning", "message": "the source ends with ''.'', the translation with no final punctuation", "start": 496, "end": 496, "entry": null, "side": "target"}]','[{"entry": 46, "start": 31, "end": 40, "source": "ngh\u1ec7 nh\u00e2n", "targets": ["artisan", "artisans"], "forbidden": [], "kind": "term"}, {"entry": 45, "start": 50, "end": 59, "source": "l\u00e0ng ngh\u1ec1", "targets": ["craft village", "craft villages", "traditional craft village", "traditional craft villages"], "forbidden": ["trade village", "trade villages", "handicraft village"], "kind": "term"}, {"entry": 112, "start": 64, "end": 70, "source": "H\u00e0 N\u1ed9i", "targets": ["Hanoi", "Ha Noi"], "forbidden": [], "kind": "name"}]','songngu:0.1.0|pair:vi-en|engine:ctranslate2-4.8.5|model:test-vi-en@random-seed1234|compute:int8|device:cpu|test-model:yes|beam:4|lp:1|maxlen:2x+10|glossary:v1',NULL,NULL,'2026-12-03 07:44:11.753819');
INSERT INTO "segments" VALUES(3,1,2,'body',0,'text','Triển lãm “Chạm” khai mạc ngày 6/7/2024 tại Hà Nội, khép lại chương trình kết nối nghệ nhân với nhà thiết kế do Hiệp hội Làng nghề Hà Nội khởi xướng.','Triển lãm <strong>“Chạm”</strong> khai mạc ngày 6/7/2024 tại Hà Nội, khép lại chương trình kết nối nghệ nhân với nhà thiết kế do Hiệp hội Làng nghề Hà Nội khởi xướng.','peoplepeoplepeopleenenenenenenenen <strong>Phu</strong> Phu Phuỏiỏiỏivedvedvedvedvedvedvedpeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeopleộộộhịhịỏiỏi site siteioioioiohihihi Street Streetộộộộộộộộộộộộộ sho Hanoi thực thựcationationationSSSSersCACACACACACAyêyêyêpedpedpedpedpedpedpedquequequeenenenảảCACACACApleple hư hư hưulul kế kế kế kế kế n n n n n n n n Vòng Vòng hư hưenenen thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậhịhịhịããããããlelele thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậenenen thuậ thuậ thuậ thuậ thuậ thuậ thuậ artisan Hanoi Craft Village Association','peoplepeoplepeopleenenenenenenenen <strong>Phu</strong> Phu Phuỏiỏiỏivedvedvedvedvedvedvedpeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeopleộộộhịhịỏiỏi site siteioioioiohihihi Street Streetộộộộộộộộộộộộộ sho Hanoi thực thựcationationationSSSSersCACACACACACAyêyêyêpedpedpedpedpedpedpedquequequeenenenảảCACACACApleple hư hư hưulul kế kế kế kế kế n n n n n n n n Vòng Vòng hư hưenenen thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậhịhịhịããããããlelele thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậenenen thuậ thuậ thuậ thuậ thuậ thuậ thuậ artisan Hanoi Craft Village Association','machine','mt',2,'[{"check": "numbers", "severity": "warning", "message": "number(s) 2024, 6, 7 from the source are not in the translation (spelled out?)", "start": 31, "end": 32, "entry": null, "side": "source"}, {"check": "end_punctuation", "severity": "warning", "message": "the source ends with ''.'', the translation with no final punctuation", "start": 684, "end": 684, "entry": null, "side": "target"}]','[{"entry": 112, "start": 44, "end": 50, "source": "H\u00e0 N\u1ed9i", "targets": ["Hanoi", "Ha Noi"], "forbidden": [], "kind": "name"}, {"entry": 46, "start": 82, "end": 91, "source": "ngh\u1ec7 nh\u00e2n", "targets": ["artisan", "artisans"], "forbidden": [], "kind": "term"}, {"entry": 33, "start": 112, "end": 137, "source": "Hi\u1ec7p h\u1ed9i L\u00e0ng ngh\u1ec1 H\u00e0 N\u1ed9i", "targets": ["Hanoi Craft Village Association", "Hanoi Craft Villages Association"], "forbidden": ["Hanoi Trade Village Association"], "kind": "name"}]','songngu:0.1.0|pair:vi-en|engine:ctranslate2-4.8.5|model:test-vi-en@random-seed1234|compute:int8|device:cpu|test-model:yes|beam:4|lp:1|maxlen:2x+10|glossary:v1',NULL,NULL,'2026-12-03 07:44:11.759932');
INSERT INTO "segments" VALUES(4,1,3,'body',0,'text','Tham gia chương trình có 12 nghệ nhân, trong đó 3 người mang danh hiệu nghệ nhân ưu tú.','Tham gia chương trình có 12 nghệ nhân, trong đó 3 người mang danh hiệu nghệ nhân ưu tú.','peoplepeoplepeopleenenenenenenenen Phu Phu Phuỏiỏiỏivedvedvedvedvedvedvedpeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeopleộộộhịhịỏiỏi site siteioioioiohihihi Street Streetộộộộộộộộộộộộộ sho sho thực thực thựcationationationSSSSersCACACACACACAyêyêyêpedpedpedpedpedpedpedquequequeenenenảảCACACACApleple artisan Meritorious Artisan thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậrốrốrốrốrốrốrốrố','peoplepeoplepeopleenenenenenenenen Phu Phu Phuỏiỏiỏivedvedvedvedvedvedvedpeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeopleộộộhịhịỏiỏi site siteioioioiohihihi Street Streetộộộộộộộộộộộộộ sho sho thực thực thựcationationationSSSSersCACACACACACAyêyêyêpedpedpedpedpedpedpedquequequeenenenảảCACACACApleple artisan Meritorious Artisan thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậrốrốrốrốrốrốrốrố','machine','mt',2,'[{"check": "numbers", "severity": "warning", "message": "number(s) 12, 3 from the source are not in the translation (spelled out?)", "start": 25, "end": 27, "entry": null, "side": "source"}, {"check": "end_punctuation", "severity": "warning", "message": "the source ends with ''.'', the translation with no final punctuation", "start": 466, "end": 466, "entry": null, "side": "target"}]','[{"entry": 46, "start": 28, "end": 37, "source": "ngh\u1ec7 nh\u00e2n", "targets": ["artisan", "artisans"], "forbidden": [], "kind": "term"}, {"entry": 48, "start": 71, "end": 86, "source": "ngh\u1ec7 nh\u00e2n \u01b0u t\u00fa", "targets": ["Meritorious Artisan", "Meritorious Artisans"], "forbidden": [], "kind": "term"}]','songngu:0.1.0|pair:vi-en|engine:ctranslate2-4.8.5|model:test-vi-en@random-seed1234|compute:int8|device:cpu|test-model:yes|beam:4|lp:1|maxlen:2x+10|glossary:v1',NULL,NULL,'2026-12-03 07:44:11.765600');
INSERT INTO "segments" VALUES(5,1,4,'body',0,'text','Họ đến từ làng gốm Bát Tràng, làng sơn mài Hạ Thái, làng khảm trai Chuyên Mỹ, làng lụa Vạn Phúc và làng mây tre đan Phú Vinh.','Họ đến từ làng gốm Bát Tràng, làng sơn mài Hạ Thái, làng khảm trai Chuyên Mỹ, làng lụa Vạn Phúc và làng mây tre đan Phú Vinh.','peoplepeoplepeopleenenenenenenenen Bat Trang pottery village Ha Thai lacquer village Chuyen My mother-of-pearl inlay village Van Phuc silk village Phu Vinh rattan and bamboo weaving village','peoplepeoplepeopleenenenenenenenen Bat Trang pottery village Ha Thai lacquer village Chuyen My mother-of-pearl inlay village Van Phuc silk village Phu Vinh rattan and bamboo weaving village','machine','mt',2,'[{"check": "end_punctuation", "severity": "warning", "message": "the source ends with ''.'', the translation with no final punctuation", "start": 189, "end": 189, "entry": null, "side": "target"}]','[{"entry": 61, "start": 10, "end": 28, "source": "l\u00e0ng g\u1ed1m B\u00e1t Tr\u00e0ng", "targets": ["Bat Trang pottery village", "Bat Trang ceramic village", "Bat Trang"], "forbidden": [], "kind": "name"}, {"entry": 63, "start": 30, "end": 50, "source": "l\u00e0ng s\u01a1n m\u00e0i H\u1ea1 Th\u00e1i", "targets": ["Ha Thai lacquer village", "Ha Thai"], "forbidden": [], "kind": "name"}, {"entry": 64, "start": 52, "end": 76, "source": "l\u00e0ng kh\u1ea3m trai Chuy\u00ean M\u1ef9", "targets": ["Chuyen My mother-of-pearl inlay village", "Chuyen My"], "forbidden": [], "kind": "name"}, {"entry": 62, "start": 78, "end": 95, "source": "l\u00e0ng l\u1ee5a V\u1ea1n Ph\u00fac", "targets": ["Van Phuc silk village", "Van Phuc"], "forbidden": [], "kind": "name"}, {"entry": 65, "start": 99, "end": 124, "source": "l\u00e0ng m\u00e2y tre \u0111an Ph\u00fa Vinh", "targets": ["Phu Vinh rattan and bamboo weaving village", "Phu Vinh"], "forbidden": [], "kind": "name"}]','songngu:0.1.0|pair:vi-en|engine:ctranslate2-4.8.5|model:test-vi-en@random-seed1234|compute:int8|device:cpu|test-model:yes|beam:4|lp:1|maxlen:2x+10|glossary:v1',NULL,NULL,'2026-12-03 07:44:11.771077');
INSERT INTO "segments" VALUES(6,1,5,'body',0,'text','Mỗi nghệ nhân làm việc cùng một hoặc hai nhà thiết kế, phần lớn mới ra trường, với yêu cầu tạo ra những đồ vật dùng được trong đời sống hằng ngày.','Mỗi nghệ nhân làm việc cùng một hoặc hai nhà thiết kế, phần lớn mới ra trường, với yêu cầu tạo ra những đồ vật dùng được trong đời sống hằng ngày.','peoplepeoplepeopleenenenenenenenen Phu Phu Phuỏiỏiỏivedvedvedvedvedvedvedpeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeopleộộộhịhịỏiỏi site artisan thuậ thuậ thuậrốrốrốrốrốrốrốrố','peoplepeoplepeopleenenenenenenenen Phu Phu Phuỏiỏiỏivedvedvedvedvedvedvedpeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeopleộộộhịhịỏiỏi site artisan thuậ thuậ thuậrốrốrốrốrốrốrốrố','machine','mt',2,'[{"check": "end_punctuation", "severity": "warning", "message": "the source ends with ''.'', the translation with no final punctuation", "start": 260, "end": 260, "entry": null, "side": "target"}]','[{"entry": 46, "start": 4, "end": 13, "source": "ngh\u1ec7 nh\u00e2n", "targets": ["artisan", "artisans"], "forbidden": [], "kind": "term"}]','songngu:0.1.0|pair:vi-en|engine:ctranslate2-4.8.5|model:test-vi-en@random-seed1234|compute:int8|device:cpu|test-model:yes|beam:4|lp:1|maxlen:2x+10|glossary:v1',NULL,NULL,'2026-12-03 07:44:11.776450');
INSERT INTO "segments" VALUES(7,1,6,'body',1,'text','Mỗi sản phẩm đều mang một câu chuyện riêng.','Mỗi sản phẩm đều mang một câu chuyện riêng.','peoplepeoplepeopleenenenenenenenen Phu Phu Phuỏiỏiỏivedvedvedvedvedvedvedpeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeopleộộộhịhịỏiỏi site siteioioioiohihihi Street Streetộộộộộộộộộộộộ sho sho sho thực thực thựcationationationSSSSersCACACACACACAyêyêyêpedpedpedpedpedpedpedquequequeenenenảảCACACACApleple hư hư hưulul kế kế kế kế kế n n n n n n n n Vòng Vòng Vòng Vòng n n n thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậhịhịhịãããããlelelele thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậenenen thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậrốrốrốrốrốrốrốrố','peoplepeoplepeopleenenenenenenenen Phu Phu Phuỏiỏiỏivedvedvedvedvedvedvedpeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeopleộộộhịhịỏiỏi site siteioioioiohihihi Street Streetộộộộộộộộộộộộ sho sho sho thực thực thựcationationationSSSSersCACACACACACAyêyêyêpedpedpedpedpedpedpedquequequeenenenảảCACACACApleple hư hư hưulul kế kế kế kế kế n n n n n n n n Vòng Vòng Vòng Vòng n n n thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậhịhịhịãããããlelelele thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậenenen thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậrốrốrốrốrốrốrốrố','machine','mt',2,'[{"check": "end_punctuation", "severity": "warning", "message": "the source ends with ''.'', the translation with no final punctuation", "start": 676, "end": 676, "entry": null, "side": "target"}]','[]','songngu:0.1.0|pair:vi-en|engine:ctranslate2-4.8.5|model:test-vi-en@random-seed1234|compute:int8|device:cpu|test-model:yes|beam:4|lp:1|maxlen:2x+10|glossary:v1',NULL,NULL,'2026-12-03 07:44:11.781560');
INSERT INTO "segments" VALUES(8,1,7,'body',1,'text','Ở Bát Tràng, một nghệ nhân ưu tú 62 tuổi cùng hai nhà thiết kế đã làm ra bộ ấm chén men rạn màu xanh rêu, lấy cảm hứng từ mái ngói phố cổ.','Ở Bát Tràng, một nghệ nhân ưu tú 62 tuổi cùng hai nhà thiết kế đã làm ra bộ ấm chén <em>men rạn</em> màu xanh rêu, lấy cảm hứng từ mái ngói phố cổ.','peoplepeoplepeopleenenenenenenenen Phu Phu <em>Phuỏiỏiỏivedvedvedvedvedvedvedpeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeopleộộộhịhịỏiỏi site Bat Trang pottery village Meritorious Artisan Hanoi Old Quarter</em>','peoplepeoplepeopleenenenenenenenen Phu Phu <em>Phuỏiỏiỏivedvedvedvedvedvedvedpeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeopleộộộhịhịỏiỏi site Bat Trang pottery village Meritorious Artisan Hanoi Old Quarter</em>','machine','mt',2,'[{"check": "numbers", "severity": "warning", "message": "number(s) 62 from the source are not in the translation (spelled out?)", "start": 33, "end": 35, "entry": null, "side": "source"}, {"check": "end_punctuation", "severity": "warning", "message": "the source ends with ''.'', the translation with no final punctuation", "start": 285, "end": 285, "entry": null, "side": "target"}]','[{"entry": 61, "start": 2, "end": 11, "source": "B\u00e1t Tr\u00e0ng", "targets": ["Bat Trang pottery village", "Bat Trang ceramic village", "Bat Trang"], "forbidden": [], "kind": "name"}, {"entry": 48, "start": 17, "end": 32, "source": "ngh\u1ec7 nh\u00e2n \u01b0u t\u00fa", "targets": ["Meritorious Artisan", "Meritorious Artisans"], "forbidden": [], "kind": "term"}, {"entry": 78, "start": 131, "end": 137, "source": "ph\u1ed1 c\u1ed5", "targets": ["Hanoi Old Quarter", "Old Quarter"], "forbidden": [], "kind": "name"}]','songngu:0.1.0|pair:vi-en|engine:ctranslate2-4.8.5|model:test-vi-en@random-seed1234|compute:int8|device:cpu|test-model:yes|beam:4|lp:1|maxlen:2x+10|glossary:v1',NULL,NULL,'2026-12-03 07:44:11.786242');
INSERT INTO "segments" VALUES(9,1,8,'body',1,'text','Nhóm ở Chuyên Mỹ thì đưa khảm trai lên những chiếc đèn bàn tối giản, thay cho các bức tranh cỡ lớn vốn ngày càng khó bán.','Nhóm ở Chuyên Mỹ thì đưa khảm trai lên những chiếc đèn bàn tối giản, thay cho các bức tranh cỡ lớn vốn ngày càng khó bán.','peoplepeoplepeopleenenenenenenenen Chuyen My mother-of-pearl inlay village mother-of-pearl inlay n n n n n Vòng Vòng hư hưenenen thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậhịhịhịhịhịhịhịhịhịlelele thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậrốrốrốrốrốrốrố','peoplepeoplepeopleenenenenenenenen Chuyen My mother-of-pearl inlay village mother-of-pearl inlay n n n n n Vòng Vòng hư hưenenen thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậhịhịhịhịhịhịhịhịhịlelele thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậrốrốrốrốrốrốrố','machine','mt',2,'[{"check": "end_punctuation", "severity": "warning", "message": "the source ends with ''.'', the translation with no final punctuation", "start": 366, "end": 366, "entry": null, "side": "target"}]','[{"entry": 64, "start": 7, "end": 16, "source": "Chuy\u00ean M\u1ef9", "targets": ["Chuyen My mother-of-pearl inlay village", "Chuyen My"], "forbidden": [], "kind": "name"}, {"entry": 52, "start": 25, "end": 34, "source": "kh\u1ea3m trai", "targets": ["mother-of-pearl inlay"], "forbidden": [], "kind": "term"}]','songngu:0.1.0|pair:vi-en|engine:ctranslate2-4.8.5|model:test-vi-en@random-seed1234|compute:int8|device:cpu|test-model:yes|beam:4|lp:1|maxlen:2x+10|glossary:v1',NULL,NULL,'2026-12-03 07:44:11.792998');
INSERT INTO "segments" VALUES(10,1,9,'body',1,'text','“Trước đây tôi chỉ làm theo mẫu cũ của các cụ, giờ các bạn trẻ giúp tôi nhìn sản phẩm bằng con mắt của người dùng,” bà Đỗ Thị Hạnh, một nghệ nhân sơn mài ở Hạ Thái, chia sẻ.','“Trước đây tôi chỉ làm theo mẫu cũ của các cụ, giờ các bạn trẻ giúp tôi nhìn sản phẩm bằng con mắt của người dùng,” bà Đỗ Thị Hạnh, một nghệ nhân sơn mài ở Hạ Thái, chia sẻ.','peoplepeoplepeopleenenenenenenenen Phu Phu Phuỏiỏiỏivedvedvedvedvedvedvedpeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeopleộộộhịhịỏiỏi site siteioioioiohihihi Street Streetộộộộộộộộộộộộộ sho sho thực thực thựcationationationSSSopopCACACACACACAyêyêyêpedpedpedpedpedpedpedquequequeenenenảảCACACACApleple hư hư hưululul kế kế kế kế n n n n n n n n Vòng Vòng hư hưenenen thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậhịhịhịhịhịhịhịhịhịlelele thuậ thuậ artisan thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ lacquer Ha Thai lacquer village thuậrốrốrốrốrốrốrốrố','peoplepeoplepeopleenenenenenenenen Phu Phu Phuỏiỏiỏivedvedvedvedvedvedvedpeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeopleộộộhịhịỏiỏi site siteioioioiohihihi Street Streetộộộộộộộộộộộộộ sho sho thực thực thựcationationationSSSopopCACACACACACAyêyêyêpedpedpedpedpedpedpedquequequeenenenảảCACACACApleple hư hư hưululul kế kế kế kế n n n n n n n n Vòng Vòng hư hưenenen thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậhịhịhịhịhịhịhịhịhịlelele thuậ thuậ artisan thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ lacquer Ha Thai lacquer village thuậrốrốrốrốrốrốrốrố','machine','mt',2,'[{"check": "end_punctuation", "severity": "warning", "message": "the source ends with ''.'', the translation with no final punctuation", "start": 652, "end": 652, "entry": null, "side": "target"}]','[{"entry": 46, "start": 136, "end": 145, "source": "ngh\u1ec7 nh\u00e2n", "targets": ["artisan", "artisans"], "forbidden": [], "kind": "term"}, {"entry": 51, "start": 146, "end": 153, "source": "s\u01a1n m\u00e0i", "targets": ["lacquer", "lacquerware", "lacquer painting"], "forbidden": [], "kind": "term"}, {"entry": 63, "start": 156, "end": 163, "source": "H\u1ea1 Th\u00e1i", "targets": ["Ha Thai lacquer village", "Ha Thai"], "forbidden": [], "kind": "name"}]','songngu:0.1.0|pair:vi-en|engine:ctranslate2-4.8.5|model:test-vi-en@random-seed1234|compute:int8|device:cpu|test-model:yes|beam:4|lp:1|maxlen:2x+10|glossary:v1',NULL,NULL,'2026-12-03 07:44:11.799202');
INSERT INTO "segments" VALUES(11,1,10,'body',2,'alt','Đèn bàn khảm trai do nghệ nhân Chuyên Mỹ và nhà thiết kế trẻ cùng thực hiện','Đèn bàn khảm trai do nghệ nhân Chuyên Mỹ và nhà thiết kế trẻ cùng thực hiện','peoplepeoplepeopleenenenenenenenen Phu Phu mother-of-pearl inlay artisan Chuyen My mother-of-pearl inlay village thuậ thuậ thuậrốrốrốrốrốrốrốrố','peoplepeoplepeopleenenenenenenenen Phu Phu mother-of-pearl inlay artisan Chuyen My mother-of-pearl inlay village thuậ thuậ thuậrốrốrốrốrốrốrốrố','machine','mt',2,'[]','[{"entry": 52, "start": 8, "end": 17, "source": "kh\u1ea3m trai", "targets": ["mother-of-pearl inlay"], "forbidden": [], "kind": "term"}, {"entry": 46, "start": 21, "end": 30, "source": "ngh\u1ec7 nh\u00e2n", "targets": ["artisan", "artisans"], "forbidden": [], "kind": "term"}, {"entry": 64, "start": 31, "end": 40, "source": "Chuy\u00ean M\u1ef9", "targets": ["Chuyen My mother-of-pearl inlay village", "Chuyen My"], "forbidden": [], "kind": "name"}]','songngu:0.1.0|pair:vi-en|engine:ctranslate2-4.8.5|model:test-vi-en@random-seed1234|compute:int8|device:cpu|test-model:yes|beam:4|lp:1|maxlen:2x+10|glossary:v1',NULL,NULL,'2026-12-03 07:44:11.804366');
INSERT INTO "segments" VALUES(12,1,11,'body',3,'text','Chiếc đèn bàn khảm trai là một trong 40 sản phẩm được giới thiệu tại triển lãm.','Chiếc đèn bàn khảm trai là một trong 40 sản phẩm được giới thiệu tại triển lãm.','peoplepeoplepeopleenenenenenenenen mother-of-pearl inlay thuậ thuậ thuậrốrốrốrốrốrốrốrố','peoplepeoplepeopleenenenenenenenen mother-of-pearl inlay thuậ thuậ thuậrốrốrốrốrốrốrốrố','machine','mt',2,'[{"check": "numbers", "severity": "warning", "message": "number(s) 40 from the source are not in the translation (spelled out?)", "start": 37, "end": 39, "entry": null, "side": "source"}, {"check": "end_punctuation", "severity": "warning", "message": "the source ends with ''.'', the translation with no final punctuation", "start": 87, "end": 87, "entry": null, "side": "target"}]','[{"entry": 52, "start": 14, "end": 23, "source": "kh\u1ea3m trai", "targets": ["mother-of-pearl inlay"], "forbidden": [], "kind": "term"}]','songngu:0.1.0|pair:vi-en|engine:ctranslate2-4.8.5|model:test-vi-en@random-seed1234|compute:int8|device:cpu|test-model:yes|beam:4|lp:1|maxlen:2x+10|glossary:v1',NULL,NULL,'2026-12-03 07:44:11.809340');
INSERT INTO "segments" VALUES(13,1,12,'body',3,'text','Ảnh: Thanh Tùng','Ảnh: Thanh Tùng','peoplepeoplepeopleenenenenenenenen Phu Phu Phuỏiỏiỏivedvedvedvedvedvedvedpeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeopleộộộhịhịỏiỏi site siteioioioiohihihi Street Streetộộộộộộộộộộộộ sho sho sho thực thực thựcationationationSSSSpepeCACACACACACAoutoutoutoutoutoutoutenenenenenenenenenCACACACACApleple hư hư hưulul kế kế kế kế kế n n n n n n n n Vòng Vòng hư hưenenen thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậhịhịhịãããããlelelele thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậenenen thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậrốrốrốrốrốrốrốrố','peoplepeoplepeopleenenenenenenenen Phu Phu Phuỏiỏiỏivedvedvedvedvedvedvedpeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeopleộộộhịhịỏiỏi site siteioioioiohihihi Street Streetộộộộộộộộộộộộ sho sho sho thực thực thựcationationationSSSSpepeCACACACACACAoutoutoutoutoutoutoutenenenenenenenenenCACACACACApleple hư hư hưulul kế kế kế kế kế n n n n n n n n Vòng Vòng hư hưenenen thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậhịhịhịãããããlelelele thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậenenen thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậrốrốrốrốrốrốrốrố','machine','mt',2,'[]','[]','songngu:0.1.0|pair:vi-en|engine:ctranslate2-4.8.5|model:test-vi-en@random-seed1234|compute:int8|device:cpu|test-model:yes|beam:4|lp:1|maxlen:2x+10|glossary:v1',NULL,NULL,'2026-12-03 07:44:11.814493');
INSERT INTO "segments" VALUES(14,1,13,'body',4,'text','Theo số liệu công bố tại lễ khai mạc, Hà Nội hiện có khoảng 1.350 làng nghề và làng có nghề, thu hút hơn 800.000 lao động, song chỉ khoảng 15% trong số này dưới 30 tuổi.','Theo số liệu công bố tại lễ khai mạc, Hà Nội hiện có khoảng 1.350 làng nghề và làng có nghề, thu hút hơn 800.000 lao động, song chỉ khoảng 15% trong số này dưới 30 tuổi.','peoplepeoplepeopleenenenenenenenen Phu Phu Phuỏiỏiỏivedvedvedvedvedvedvedpeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeopleộộộhịhịỏiỏi site siteioioioiohihihi Street Streetộộộộộộộộộộộộ sho sho sho thực thực thựcationationationSSSSersCACACACACACAyêyêyêpedpedpedpedpedpedpedquequequeenenenảảCACACACApleple hư hư hưululul kế kế kế kế n n n n n n n n Vòng Vòng hư hưenenen Hanoi craft village thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậhịhịhịhịhịhịhịhịhịlelele thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậrốrốrốrốrốrốrốrố','peoplepeoplepeopleenenenenenenenen Phu Phu Phuỏiỏiỏivedvedvedvedvedvedvedpeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeopleộộộhịhịỏiỏi site siteioioioiohihihi Street Streetộộộộộộộộộộộộ sho sho sho thực thực thựcationationationSSSSersCACACACACACAyêyêyêpedpedpedpedpedpedpedquequequeenenenảảCACACACApleple hư hư hưululul kế kế kế kế n n n n n n n n Vòng Vòng hư hưenenen Hanoi craft village thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậhịhịhịhịhịhịhịhịhịlelele thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậrốrốrốrốrốrốrốrố','machine','mt',2,'[{"check": "numbers", "severity": "warning", "message": "number(s) 1350, 15, 30, 800000 from the source are not in the translation (spelled out?)", "start": 60, "end": 65, "entry": null, "side": "source"}, {"check": "end_punctuation", "severity": "warning", "message": "the source ends with ''.'', the translation with no final punctuation", "start": 700, "end": 700, "entry": null, "side": "target"}]','[{"entry": 112, "start": 38, "end": 44, "source": "H\u00e0 N\u1ed9i", "targets": ["Hanoi", "Ha Noi"], "forbidden": [], "kind": "name"}, {"entry": 45, "start": 66, "end": 75, "source": "l\u00e0ng ngh\u1ec1", "targets": ["craft village", "craft villages", "traditional craft village", "traditional craft villages"], "forbidden": ["trade village", "trade villages", "handicraft village"], "kind": "term"}]','songngu:0.1.0|pair:vi-en|engine:ctranslate2-4.8.5|model:test-vi-en@random-seed1234|compute:int8|device:cpu|test-model:yes|beam:4|lp:1|maxlen:2x+10|glossary:v1',NULL,NULL,'2026-12-03 07:44:11.819263');
INSERT INTO "segments" VALUES(15,1,14,'body',4,'text','Nhiều nghề thủ công truyền thống gắn với tri thức dân gian là một phần quý giá của di sản văn hoá phi vật thể, nhưng đang đứng trước nguy cơ không có người kế nghiệp.','Nhiều nghề thủ công truyền thống gắn với tri thức dân gian là một phần quý giá của di sản văn hoá phi vật thể, nhưng đang đứng trước nguy cơ không có người kế nghiệp.','handicraft intangible cultural heritage','handicraft intangible cultural heritage','machine','mt',2,'[{"check": "end_punctuation", "severity": "warning", "message": "the source ends with ''.'', the translation with no final punctuation", "start": 39, "end": 39, "entry": null, "side": "target"}]','[{"entry": 49, "start": 6, "end": 32, "source": "ngh\u1ec1 th\u1ee7 c\u00f4ng truy\u1ec1n th\u1ed1ng", "targets": ["handicraft", "handicrafts", "traditional handicrafts"], "forbidden": [], "kind": "term"}, {"entry": 7, "start": 83, "end": 109, "source": "di s\u1ea3n v\u0103n ho\u00e1 phi v\u1eadt th\u1ec3", "targets": ["intangible cultural heritage", "intangible heritage"], "forbidden": ["non-material cultural heritage"], "kind": "term"}]','songngu:0.1.0|pair:vi-en|engine:ctranslate2-4.8.5|model:test-vi-en@random-seed1234|compute:int8|device:cpu|test-model:yes|beam:4|lp:1|maxlen:2x+10|glossary:v1',NULL,NULL,'2026-12-03 07:44:11.824175');
INSERT INTO "segments" VALUES(16,1,15,'body',4,'text','Đại diện Sở Văn hoá và Thể thao Hà Nội cho rằng kết nối nghệ nhân với giới thiết kế là hướng đi thiết thực để phát triển công nghiệp văn hoá, đồng thời tăng thu nhập cho người làm nghề.','Đại diện Sở Văn hoá và Thể thao Hà Nội cho rằng kết nối nghệ nhân với giới thiết kế là hướng đi thiết thực để phát triển công nghiệp văn hoá, đồng thời tăng thu nhập cho người làm nghề.','peoplepeoplepeopleenenenenenenenen Hanoi Department of Culture and Sports artisan cultural industries thuậ thuậ thuậ thuậ thuậrốrốrốrốrốrốrốrố','peoplepeoplepeopleenenenenenenenen Hanoi Department of Culture and Sports artisan cultural industries thuậ thuậ thuậ thuậ thuậrốrốrốrốrốrốrốrố','machine','mt',2,'[{"check": "end_punctuation", "severity": "warning", "message": "the source ends with ''.'', the translation with no final punctuation", "start": 142, "end": 142, "entry": null, "side": "target"}]','[{"entry": 21, "start": 9, "end": 38, "source": "S\u1edf V\u0103n ho\u00e1 v\u00e0 Th\u1ec3 thao H\u00e0 N\u1ed9i", "targets": ["Hanoi Department of Culture and Sports"], "forbidden": ["Hanoi Culture and Sport Department"], "kind": "name"}, {"entry": 46, "start": 56, "end": 65, "source": "ngh\u1ec7 nh\u00e2n", "targets": ["artisan", "artisans"], "forbidden": [], "kind": "term"}, {"entry": 11, "start": 121, "end": 140, "source": "c\u00f4ng nghi\u1ec7p v\u0103n ho\u00e1", "targets": ["cultural industries", "cultural industry"], "forbidden": [], "kind": "term"}]','songngu:0.1.0|pair:vi-en|engine:ctranslate2-4.8.5|model:test-vi-en@random-seed1234|compute:int8|device:cpu|test-model:yes|beam:4|lp:1|maxlen:2x+10|glossary:v1',NULL,NULL,'2026-12-03 07:44:11.829482');
INSERT INTO "segments" VALUES(17,1,16,'body',5,'text','Ngay trong ngày khai mạc, 14 sản phẩm đã nhận được đơn đặt hàng từ các cửa hàng lưu niệm và khách sạn, tổng trị giá khoảng 620 triệu đồng (khoảng 24.400 USD).','Ngay trong ngày khai mạc, 14 sản phẩm đã nhận được đơn đặt hàng từ các cửa hàng lưu niệm và khách sạn, tổng trị giá khoảng 620 triệu đồng (khoảng 24.400 USD).','peoplepeoplepeopleenenenenenenenen Phu Phu Phuỏiỏiỏivedvedvedvedvedvedvedpeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeopleộộộhịhịỏiỏi site siteioioioiohihihi Street Streetộộộộộộộộộộộộộ sho sho thực thực thựcationationationSSSopopCACACACACACAyêyêyêpedpedpedpedpedpedpedquequequeenenenảảCACACACApleple hư hư hưululul kế kế kế kế n n n n n n n n Vòng Vòng hư hưenenen thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậhịhịhịhịhịhịhịhịhịlelele thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ','peoplepeoplepeopleenenenenenenenen Phu Phu Phuỏiỏiỏivedvedvedvedvedvedvedpeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeopleộộộhịhịỏiỏi site siteioioioiohihihi Street Streetộộộộộộộộộộộộộ sho sho thực thực thựcationationationSSSopopCACACACACACAyêyêyêpedpedpedpedpedpedpedquequequeenenenảảCACACACApleple hư hư hưululul kế kế kế kế n n n n n n n n Vòng Vòng hư hưenenen thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậhịhịhịhịhịhịhịhịhịlelele thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ','machine','mt',2,'[{"check": "numbers", "severity": "warning", "message": "number(s) 14, 24400, 620 from the source are not in the translation (spelled out?)", "start": 26, "end": 28, "entry": null, "side": "source"}, {"check": "end_punctuation", "severity": "warning", "message": "the source ends with ''.'', the translation with no final punctuation", "start": 596, "end": 596, "entry": null, "side": "target"}]','[]','songngu:0.1.0|pair:vi-en|engine:ctranslate2-4.8.5|model:test-vi-en@random-seed1234|compute:int8|device:cpu|test-model:yes|beam:4|lp:1|maxlen:2x+10|glossary:v1',NULL,NULL,'2026-12-03 07:44:13.399025');
INSERT INTO "segments" VALUES(18,1,17,'body',5,'text','Triển lãm mở cửa miễn phí đến ngày 4/8; danh mục sản phẩm và thông tin liên hệ của các nhóm được đăng tải tại trang của chương trình.','Triển lãm mở cửa miễn phí đến ngày 4/8; danh mục sản phẩm và thông tin liên hệ của các nhóm được đăng tải tại <a href="https://example.org/trien-lam-cham" rel="noopener noreferrer">trang của chương trình</a>.','peoplepeoplepeopleenenenenenenenen Phu Phu Phuỏiỏiỏivedvedvedvedvedvedvedpeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeopleộộộhịhịỏiỏi site siteioioioiohihihi Street Streetộộộộộộộộộộộộộ sho sho thực thực thựcationationationSSSopopCACACACACACAyêyêyêpedpedpedpedpedpedpedquequequeenenenảảCACACACApleple hư hư hưulul kế kế kế kế kế n n n n n n n n Vòng Vòng hư hưenenen thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậhịhịhịããããããlelele thuậ thuậ <a href="https://example.org/trien-lam-cham" rel="noopener noreferrer">thuậ thuậ thuậ</a> thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ','peoplepeoplepeopleenenenenenenenen Phu Phu Phuỏiỏiỏivedvedvedvedvedvedvedpeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeoplepeopleộộộhịhịỏiỏi site siteioioioiohihihi Street Streetộộộộộộộộộộộộộ sho sho thực thực thựcationationationSSSopopCACACACACACAyêyêyêpedpedpedpedpedpedpedquequequeenenenảảCACACACApleple hư hư hưulul kế kế kế kế kế n n n n n n n n Vòng Vòng hư hưenenen thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậhịhịhịããããããlelele thuậ thuậ <a href="https://example.org/trien-lam-cham" rel="noopener noreferrer">thuậ thuậ thuậ</a> thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ thuậ','machine','mt',2,'[{"check": "numbers", "severity": "warning", "message": "number(s) 4, 8 from the source are not in the translation (spelled out?)", "start": 35, "end": 36, "entry": null, "side": "source"}, {"check": "end_punctuation", "severity": "warning", "message": "the source ends with ''.'', the translation with no final punctuation", "start": 591, "end": 591, "entry": null, "side": "target"}]','[]','songngu:0.1.0|pair:vi-en|engine:ctranslate2-4.8.5|model:test-vi-en@random-seed1234|compute:int8|device:cpu|test-model:yes|beam:4|lp:1|maxlen:2x+10|glossary:v1',NULL,NULL,'2026-12-03 07:44:13.404034');
CREATE TABLE tm_units (
	id INTEGER NOT NULL, 
	src_lang VARCHAR(2) NOT NULL, 
	tgt_lang VARCHAR(2) NOT NULL, 
	source TEXT NOT NULL, 
	source_html TEXT NOT NULL, 
	target TEXT NOT NULL, 
	"key" TEXT NOT NULL, 
	key_hash VARCHAR(40) NOT NULL, 
	origin VARCHAR(12) NOT NULL, 
	document_id INTEGER, 
	segment_id INTEGER, 
	created_by INTEGER, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	score FLOAT, 
	CONSTRAINT pk_tm_units PRIMARY KEY (id), 
	CONSTRAINT fk_tm_units_created_by_users FOREIGN KEY(created_by) REFERENCES users (id) ON DELETE SET NULL, 
	CONSTRAINT fk_tm_units_document_id_documents FOREIGN KEY(document_id) REFERENCES documents (id) ON DELETE SET NULL, 
	CONSTRAINT fk_tm_units_segment_id_segments FOREIGN KEY(segment_id) REFERENCES segments (id) ON DELETE SET NULL, 
	CONSTRAINT uq_tm_units_segment_id UNIQUE (segment_id)
);
INSERT INTO "tm_units" VALUES(1,'vi','en','Nghệ nhân làng nghề và nhà thiết kế trẻ cùng ra mắt 40 sản phẩm mới','Nghệ nhân làng nghề và nhà thiết kế trẻ cùng ra mắt 40 sản phẩm mới','Bat Trang pottery village','nghệ nhân làng nghề và nhà thiết kế trẻ cùng ra mắt 40 sản phẩm mới','0f41ee107da566c1d61093347d4c8fc0772e5906','confirmed',1,1,2,'2026-12-03 07:44:13.440109','2026-12-03 07:44:13.440121',NULL);
CREATE TABLE users (
	id INTEGER NOT NULL, 
	name VARCHAR(80) NOT NULL, 
	role VARCHAR(12) NOT NULL, 
	password_hash TEXT NOT NULL, 
	active BOOLEAN NOT NULL, 
	created_at DATETIME NOT NULL, 
	CONSTRAINT pk_users PRIMARY KEY (id), 
	CONSTRAINT uq_users_name UNIQUE (name)
);
INSERT INTO "users" VALUES(1,'ed','editor','$argon2id$v=19$m=65536,t=3,p=4$xnaWD2xk/Ed1eETNHEUIdQ$g5sxCcTSjRSr5cv7/8yfFUlJ2JdV6WMD6HdddMXdqq4',1,'2026-12-03 07:44:04.784743');
INSERT INTO "users" VALUES(2,'tran','translator','$argon2id$v=19$m=65536,t=3,p=4$c+e0HEXfu9oouZu9ereAHw$dqEEOT1wTUJ7Abs70SO9R2J4w1s6KEEh2vnrGUj9Nnk',1,'2026-12-03 07:44:04.996382');
INSERT INTO "users" VALUES(3,'root','admin','$argon2id$v=19$m=65536,t=3,p=4$f/J1+XIPKNv6aKYfxTIuVQ$mABnPhDW9IQYQ68Y0eYkY6+BsOC88jFQfla3RR28VBw',1,'2026-12-03 07:44:05.173257');
CREATE INDEX ix_glossary_entries_domain ON glossary_entries (domain);
CREATE INDEX ix_glossary_entries_status ON glossary_entries (status);
CREATE INDEX ix_login_failures_name_remote_at ON login_failures (name, remote, at);
CREATE INDEX ix_api_tokens_user_id ON api_tokens (user_id);
CREATE INDEX ix_documents_state ON documents (state);
CREATE INDEX ix_glossary_entry_forms_entry_id ON glossary_entry_forms (entry_id);
CREATE INDEX ix_glossary_entry_history_entry_id ON glossary_entry_history (entry_id);
CREATE INDEX ix_jobs_document_id ON jobs (document_id);
CREATE INDEX ix_jobs_state ON jobs (state);
CREATE INDEX ix_publish_log_document_id ON publish_log (document_id);
CREATE INDEX ix_segments_document_id ON segments (document_id);
CREATE INDEX ix_segments_state ON segments (state);
CREATE INDEX ix_segment_edits_segment_action ON segment_edits (segment_id, action);
CREATE INDEX ix_tm_units_pair_id ON tm_units (src_lang, tgt_lang, id);
CREATE INDEX ix_tm_units_pair_key_hash ON tm_units (src_lang, tgt_lang, key_hash);
COMMIT;
