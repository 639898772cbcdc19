// The restorer: syllable rules, the Kneser-Ney model, and restoration of
// held-out text. Models are trained here from the corpus (no background
// data), so these tests need nothing but the repository.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tools/vnplan/extract_command.h"
#include "src/restore/ngram_model.h"
#include "src/restore/ocr_channel.h"
#include "tools/vnplan/restore_command.h"
#include "tools/vnplan/train_command.h"
#include "src/restore/syllable.h"
#include "tests/support/test_support.h"
#include "src/restore/trainer.h"
#include "vnplan/restorer.h"

namespace vnplan {
namespace {

using internal::SyllableTools;

std::string Corpus(const std::string& name) {
  return testing::ReadFile(testing::SourcePath("corpus/" + name));
}

// Marks removed the way legacy text loses them: đ -> d, case kept.
std::string Strip(const std::string& text) {
  static const SyllableTools tools;
  std::string out;
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    const std::string one = text.substr(i, len);
    const std::string base = tools.Skeleton(one);
    const bool upper = one != tools.Lower(one);
    out += len > 1 && base.size() == 1 ? std::string(1, upper ? char(base[0] - 32) : base[0]) : one;
    i += len;
  }
  return out;
}

int Lines(const std::string& text) {
  return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

// A domain model that has never seen 004.
const std::string& ModelWithout004() {
  static const std::string path = [] {
    const std::string p = testing::OutputDir() + "/without-004.lm";
    EXPECT_TRUE(TrainLanguageModel({Corpus("002-hoa-binh-2017.txt"), Corpus("003-dak-nong-2023.txt"),
                                    Corpus("000-ninh-binh-2023.restored.txt")},
                                   {}, p)
                    .ok());
    return p;
  }();
  return path;
}

RestoreOptions Explained() {
  RestoreOptions options;
  options.explain = true;
  return options;
}

TEST(Syllables, CanonicalTonePlacementMergesOldAndNewStyle) {
  SyllableTools t;
  EXPECT_EQ(t.Canonical("hoà"), "hòa");
  EXPECT_EQ(t.Canonical("hòa"), "hòa");
  EXPECT_EQ(t.Canonical("thuý"), "thúy");
  EXPECT_EQ(t.Canonical("hoàng"), "hoàng");
  EXPECT_EQ(t.Canonical("thuyền"), "thuyền");
  EXPECT_EQ(t.Canonical("quá"), "quá");
  EXPECT_EQ(t.Canonical("giữ"), "giữ");
  EXPECT_EQ(t.Canonical("người"), "người");
  EXPECT_EQ(t.Split("hoà").tone, internal::kGrave);
  EXPECT_EQ(t.Split("hoà").base, "hoa");
}

TEST(Syllables, SentenceStartsAndNamesAreToldApart) {
  const std::string text = "Thực hiện. - Giao Phòng\n“Đổi mới” (Sở";
  EXPECT_TRUE(internal::StartsSentence(text, 0));
  EXPECT_FALSE(internal::StartsSentence(text, text.find("hiện")));
  EXPECT_TRUE(internal::StartsSentence(text, text.find("Giao")));   // after ". -"
  EXPECT_FALSE(internal::StartsSentence(text, text.find("Phòng")));
  EXPECT_TRUE(internal::StartsSentence(text, text.find("Đổi")));    // after “
  EXPECT_TRUE(internal::StartsSentence(text, text.find("Sở")));     // after (
  EXPECT_TRUE(internal::IsTitled("Việt"));
  EXPECT_FALSE(internal::IsTitled("viết"));
  EXPECT_FALSE(internal::IsTitled("UBND"));
  EXPECT_FALSE(internal::IsTitled("V"));
}

using testing::RestorerTrainedOn;

// The same syllables, the same contexts; only the capital differs. A name
// is written with one in mid-sentence, a common word is not.
TEST(Restorer, ACapitalInMidSentenceIsEvidenceOfAName) {
  const auto restorer =
      RestorerTrainedOn({"anh viết thư.\nanh viết thư.\nanh Việt thư.\nanh Việt thư.\n"}, "names");
  ASSERT_TRUE(restorer);
  EXPECT_EQ(restorer->Restore("anh Viet thu.\n").text, "anh Việt thư.\n");
  EXPECT_EQ(restorer->Restore("anh viet thu.\n").text, "anh viết thư.\n");
}

// The models know the genre's words, not given names: a marked text's
// person's name (a surname and two or more capitalised syllables) is kept
// as written, where the same syllables elsewhere are corrected; a
// stripped text's name is still restored, having no marks to keep.
TEST(Restorer, AMarkedTextKeepsAPersonsNameAsWritten) {
  std::string text;
  for (int i = 0; i < 6; ++i) text += "liên hệ với ông Nguyễn Văn Thanh huyện.\n";
  text += "bà Huyền.\n";
  const auto restorer = RestorerTrainedOn({text}, "person_names");
  ASSERT_TRUE(restorer);
  EXPECT_EQ(restorer->Restore("liên hệ với ông Nguyễn Văn Thanh huyền.\n").text,
            "liên hệ với ông Nguyễn Văn Thanh huyện.\n");
  EXPECT_EQ(restorer->Restore("liên hệ với ông Nguyễn Văn Thanh Huyền.\n").text,
            "liên hệ với ông Nguyễn Văn Thanh Huyền.\n");
  EXPECT_EQ(restorer->Restore("lien he voi ong Nguyen Van Thanh Huyen.\n").text,
            "liên hệ với ông Nguyễn Văn Thanh Huyện.\n");
}

// A capital on the next word is evidence too: "phường" comes before names
// ("phường Lâm Sơn"), "phương" before common words, though "phương" is the
// commoner here and neither was seen before "Kim".
TEST(Restorer, ACapitalOnTheNextWordIsEvidenceOfTheWordBefore) {
  const auto restorer = RestorerTrainedOn(
      {"tại phường Lâm Sơn.\ntại phường Hà Đông.\n", "tại phương hướng.\ntại phương án.\ntại phương thức.\n",
       "ông Kim về.\n"},
      "next-capital");
  ASSERT_TRUE(restorer);
  EXPECT_EQ(restorer->Restore("tai phuong Kim ve.\n").text, "tại phường Kim về.\n");
  EXPECT_EQ(restorer->Restore("tai phuong kim ve.\n").text, "tại phương kim về.\n");
}

// The case a word is written in counts only where no sentence starts and
// in a title or lower case; the trainer and the reader share the rule.
TEST(Syllables, WrittenCaseIsEvidenceOnlyInMidSentence) {
  using internal::WrittenCase;
  using internal::WrittenCaseAt;
  const std::string text = "Phường Lâm Sơn, UBND xã. Xã mới";
  EXPECT_EQ(WrittenCaseAt(text, 0, 9), WrittenCase::kNoCaseEvidence);  // "Phường" opens the text
  EXPECT_EQ(WrittenCaseAt(text, 10, 14), WrittenCase::kTitled);          // "Lâm"
  EXPECT_EQ(WrittenCaseAt(text, 21, 25), WrittenCase::kNoCaseEvidence);  // "UBND"
  EXPECT_EQ(WrittenCaseAt(text, 26, 29), WrittenCase::kLower);           // "xã"
  EXPECT_EQ(WrittenCaseAt(text, 31, 34), WrittenCase::kNoCaseEvidence);  // "Xã" after a stop
  // After another word, capitals are a capital: "tại UBND" as "tại Lâm".
  EXPECT_EQ(internal::FollowerCaseAt(text, 21, 25), WrittenCase::kTitled);          // "UBND"
  EXPECT_EQ(internal::FollowerCaseAt(text, 10, 14), WrittenCase::kTitled);          // "Lâm"
  EXPECT_EQ(internal::FollowerCaseAt(text, 26, 29), WrittenCase::kLower);           // "xã"
  EXPECT_EQ(internal::FollowerCaseAt(text, 31, 34), WrittenCase::kNoCaseEvidence);  // "Xã" after a stop
  EXPECT_EQ(internal::FollowerCaseAt("Ở UBND", 0, 3), WrittenCase::kNoCaseEvidence);
}

// A number is context too: "ngày 5 thang 6" is a date even where "thẳng"
// is the commoner word.
TEST(Restorer, NumbersAreContext) {
  const auto restorer = RestorerTrainedOn(
      {"ngày 14 tháng 10.\nngày 2 tháng 9.\n", "đi thẳng.\nnói thẳng.\nnhìn thẳng.\n"}, "dates");
  ASSERT_TRUE(restorer);
  EXPECT_EQ(restorer->Restore("ngay 5 thang 6.\n").text, "ngày 5 tháng 6.\n");
  EXPECT_EQ(restorer->Restore("di thang.\n").text, "đi thẳng.\n");
}

// A number is also scored as a word: the syllable before it must predict
// it ("của số 5", though "của Sở" was seen), and so must a symbol's known code.
TEST(Restorer, ANumberIsPredictedByTheWordBeforeIt) {
  const auto restorer = RestorerTrainedOn(
      {"gửi Sở Nội vụ.\nvề Sở Y tế.\ncủa Sở Tài chính.\nvà Sở Xây dựng.\nvới Sở Công thương.\n",
       "kế hoạch số 12.\nmẫu số 3.\n"}, "numbers");
  ASSERT_TRUE(restorer);
  EXPECT_EQ(restorer->Restore("cua so 5 xyz.\n").text, "của số 5 xyz.\n");
  EXPECT_EQ(restorer->Restore("cua so xyz.\n").text, "của sở xyz.\n");
}

// A comma is a word to the models: "phấn đấu," is what comes before one,
// and "đầu tiên" (the commonest pair here) does not reach across it.
TEST(Restorer, ACommaIsAWordTheModelsCount) {
  const auto restorer = RestorerTrainedOn(
      {"lần đầu tiên.\nngày đầu tiên.\nbước đầu tiên.\nngười đầu tiên.\n",
       "phân công.\nphân loại.\nphân tích.\nnỗ lực phấn đấu, rèn luyện.\ncố gắng phấn đấu, học tập.\n"},
      "commas");
  ASSERT_TRUE(restorer);
  EXPECT_EQ(restorer->Restore("phan dau, tien phong.\n").text, "phấn đấu, tiên phong.\n");
  EXPECT_EQ(restorer->Restore("lan dau tien.\n").text, "lần đầu tiên.\n");
}

// A run of capitalised words that spells a gazetteer's unit is read as the
// gazetteer spells it, though the models prefer another reading; the same
// words in lower case are the models'.
TEST(Restorer, CapitalisedWordsSpellingAPlaceAreReadAsTheGazetteerSpellsIt) {
  const std::string text = "định hướng cần thiết.\nHướng Cần thiết.\nphương hướng cần làm.\nmùi hương.\n";
  const std::string places = testing::OutputDir() + "/places.tsv";
  std::ofstream(places) << "commune\tXã\tHương Cần\t1\t2\ndistrict\tHuyện\tThanh Sơn\t2\t3\n"
                        << "province\tTỉnh\tPhú Thọ\t3\t\n";
  const auto without = RestorerTrainedOn({text, text, text}, "places");
  const auto with = RestorerTrainedOn({text, text, text}, "places", places);
  ASSERT_TRUE(without && with);
  EXPECT_EQ(without->Restore("truong xa Huong Can.\n").text, "truong xa Hướng Cần.\n");
  EXPECT_EQ(with->Restore("truong xa Huong Can.\n").text, "truong xa Hương Cần.\n");
  EXPECT_EQ(with->Restore("dinh huong can thiet.\n").text, "định hướng cần thiết.\n");
  // A name whose first word spells a unit's type is the name: the commune
  // Tịnh Ấn Tây, not "Tỉnh" then a name.
  std::ofstream(places) << "commune\tXã\tTịnh Ấn Tây\t1\t2\nprovince\tTỉnh\tQuảng Ngãi\t2\t\n";
  const std::string text2 = "tỉnh ủy.\ntỉnh Ấn.\ntịnh tâm.\nấn tượng.\nphía tây.\n";
  const auto typed = RestorerTrainedOn({text2, text2}, "places2", places);
  ASSERT_TRUE(typed);
  EXPECT_EQ(typed->Restore("phia Tinh An Tay.\n").text, "phía Tịnh Ấn Tây.\n");
  // A damaged gazetteer is refused with the line it fails on.
  std::ofstream(places) << "commune\tXã\n";
  Status status;
  EXPECT_FALSE(Restorer::Open({{testing::OutputDir() + "/places.lm", 1.0}}, &status, "", places));
  EXPECT_NE(status.message().find("line 1"), std::string::npos) << status.message();
}

// A name two units spell differently is read as the unit of the
// document's own province spells it: the province most of its other place
// names lie in.
TEST(Restorer, AnAmbiguousPlaceIsReadAsTheDocumentsProvinceSpellsIt) {
  const std::string text = "vạn người.\nlinh hoạt.\nvạn sự.\nlinh tinh.\nvân vân.\nlĩnh vực.\n";
  const std::string places = testing::OutputDir() + "/provinces.tsv";
  std::ofstream(places) << "province\tTỉnh\tPhú Thọ\t25\t\nprovince\tTỉnh\tLạng Sơn\t20\t\n"
                        << "district\tHuyện\tThanh Ba\t232\t25\ndistrict\tHuyện\tHạ Hòa\t231\t25\n"
                        << "district\tHuyện\tLâm Thao\t233\t25\ndistrict\tHuyện\tVăn Lãng\t180\t20\n"
                        << "commune\tXã\tVân Lĩnh\t1\t232\ncommune\tXã\tVạn Linh\t2\t180\n";
  const auto restorer = RestorerTrainedOn(
      {text, text, "xã Hạ Hòa và Thanh Ba, Lâm Thao.\nxã Vạn Linh.\nxã Vạn Linh.\n"}, "provinces", places);
  ASSERT_TRUE(restorer);
  EXPECT_EQ(restorer->Restore("xa Ha Hoa, Thanh Ba, Lam Thao, Van Linh.\n").text,
            "xã Hạ Hòa, Thanh Ba, Lâm Thao, Vân Lĩnh.\n");
  EXPECT_EQ(restorer->Restore("xa Van Linh.\n").text, "xã Vạn Linh.\n");
}

// A unit's type before two capitalised words or more is read as the type,
// whether the gazetteer knows the name or not (the wards of 2025).
TEST(Restorer, AUnitsTypeBeforeAPlacesNameIsReadAsTheType) {
  const std::string text =
      "theo phương hướng.\ntheo phương án.\ntheo phương pháp.\ncác phường.\ntrường học vinh quang.\n";
  const std::string places = testing::OutputDir() + "/unit-types.tsv";
  std::ofstream(places) << "province\tTỉnh\tPhú Thọ\t25\t\ncommune\tPhường\tGia Cẩm\t1\t25\n";
  const auto without = RestorerTrainedOn({text, text}, "unit-types");
  const auto with = RestorerTrainedOn({text, text}, "unit-types", places);
  ASSERT_TRUE(without && with);
  EXPECT_EQ(without->Restore("theo phuong Truong Vinh.\n").text, "theo phương Trường Vinh.\n");
  EXPECT_EQ(with->Restore("theo phuong Truong Vinh.\n").text, "theo phường Trường Vinh.\n");
  EXPECT_EQ(with->Restore("theo phuong Truong.\n").text, "theo phương Trường.\n");
}

TEST(Syllables, ValidityFollowsOnsetRhymeAndToneRules) {
  SyllableTools t;
  for (const char* ok : {"học", "các", "trường", "nghiêng", "và", "gì", "quốc", "đắk", "lắk"})
    EXPECT_TRUE(t.IsSyllable(t.Lower(ok))) << ok;
  for (const char* bad : {"hoc", "cac", "ubnd", "gddt", "chirc", "d6i", "tuyénn", "dak", "book"})
    EXPECT_FALSE(t.IsSyllable(bad)) << bad;
}

TEST(NgramModel, ProbabilitiesOverTheVocabularySumToOne) {
  SyllableTools tools;
  internal::NgramTrainer trainer(tools);
  trainer.AddText("tổ chức thi đua. tổ chức khen thưởng. thi đua yêu nước.\n\ntổ chức hội nghị.");
  const std::string path = testing::OutputDir() + "/tiny.lm";
  ASSERT_TRUE(internal::WriteNgramModel(trainer.Build(), path).ok());
  std::unique_ptr<internal::NgramModel> model;
  const Status opened = internal::NgramModel::Open(path, &model);
  ASSERT_TRUE(opened.ok()) << opened.message();
  std::vector<uint64_t> vocabulary = {internal::WordHash(internal::kEos)};
  for (const auto& known : model->Words()) vocabulary.push_back(internal::WordHash(known.word));
  const uint64_t to = internal::WordHash("tổ"), chuc = internal::WordHash("chức"),
                 bos = internal::WordHash(internal::kBos), unseen = internal::WordHash("nước");
  for (auto [u, v] : {std::pair{to, chuc}, std::pair{bos, bos}, std::pair{unseen, to}}) {
    double sum = 0;
    for (uint64_t w : vocabulary) sum += std::exp(model->LogProb(u, v, w));
    EXPECT_NEAR(sum, 1.0, 0.02);
  }
  EXPECT_GT(model->LogProb(to, chuc, internal::WordHash("thi")),
            model->LogProb(to, chuc, internal::WordHash("nước")));
}

// A word list's entry of several syllables is learnt together, but it is
// no sentence: "tiêu sầu" listed makes "sầu" likely after "tiêu", not a
// sentence's end after it (as the entry written as a sentence would).
TEST(NgramModel, AWordListsEntryIsLearntTogetherButIsNoSentence) {
  SyllableTools tools;
  const std::string text = "mục tiêu sau đó. nỗi sầu lớn. như sau. sau đó.\n";
  auto model_of = [&](const std::string& name, bool listed, bool as_sentence) {
    internal::NgramTrainer trainer(tools);
    trainer.AddText(text);
    if (listed) trainer.AddVocabulary("tiêu sầu");
    if (as_sentence) trainer.AddText("\n\ntiêu sầu\n\n");
    const std::string path = testing::OutputDir() + "/" + name + ".lm";
    EXPECT_TRUE(internal::WriteNgramModel(trainer.Build(), path).ok());
    std::unique_ptr<internal::NgramModel> model;
    EXPECT_TRUE(internal::NgramModel::Open(path, &model).ok());
    return model;
  };
  const auto unlisted = model_of("unlisted", false, false), listed = model_of("listed", true, false),
             sentence = model_of("entry-as-sentence", false, true);
  ASSERT_TRUE(unlisted && listed && sentence);
  const uint64_t muc = internal::WordHash("mục"), tieu = internal::WordHash("tiêu"),
                 sau = internal::WordHash("sầu"), eos = internal::WordHash(internal::kEos);
  EXPECT_GT(listed->LogProb(muc, tieu, sau), unlisted->LogProb(muc, tieu, sau) + 0.5);
  EXPECT_LT(listed->LogProb(tieu, sau, eos), sentence->LogProb(tieu, sau, eos) - 0.5);
}

TEST(NgramModel, DamagedOrMissingFilesAreRefusedWithAMessage) {
  std::unique_ptr<internal::NgramModel> model;
  const Status missing = internal::NgramModel::Open(testing::OutputDir() + "/none.lm", &model);
  EXPECT_EQ(missing.code(), Status::Code::kIoError);
  EXPECT_NE(missing.message().find("none.lm"), std::string::npos);
  const std::string bad = testing::OutputDir() + "/bad.lm";
  testing::WriteFile(bad, "VNPLNLM1 but truncated");
  const Status damaged = internal::NgramModel::Open(bad, &model);
  EXPECT_EQ(damaged.code(), Status::Code::kInvalidInput);
  EXPECT_NE(damaged.message().find("damaged"), std::string::npos);
  EXPECT_FALSE(model);
  Status status;
  EXPECT_FALSE(Restorer::Open({{bad, 1.0}}, &status));
  EXPECT_EQ(status.code(), Status::Code::kModelMissing);
  EXPECT_NE(status.message().find("damaged"), std::string::npos);
}

TEST(Restorer, RestoresHeldOutStrippedTextLineForLine) {
  Status status;
  const auto restorer = Restorer::Open({{ModelWithout004(), 1.0}}, &status);
  ASSERT_TRUE(restorer) << status.message();
  const std::string truth = Corpus("004-phu-tho-2016.txt");
  const RestoreResult r = restorer->Restore(Strip(truth));
  EXPECT_EQ(Lines(r.text), Lines(truth));
  // Word by word on lines whose word count is unchanged (all of them).
  std::istringstream a(truth), b(r.text);
  std::string x, y;
  int right = 0, total = 0;
  while (a >> x && b >> y) {
    ++total;
    right += x == y;
  }
  EXPECT_GT(double(right) / total, 0.85) << right << " of " << total;
  EXPECT_GT(r.changed, 1000);
}

TEST(Restorer, LeavesNumbersAddressesSymbolsAndCaseAlone) {
  Status status;
  const auto restorer = Restorer::Open({{ModelWithout004(), 1.0}}, &status);
  ASSERT_TRUE(restorer) << status.message();
  const std::string in =
      "MUC DICH, YEU CAU\nSo: 941/KH-SGD&DT ngay 13/6/2016\nEmail: p.tonghop@hoabinh.edu.vn; "
      "dien thoai 3.883.105\nCong tac thi dua, khen thuong\n";
  const std::string out = restorer->Restore(in).text;
  EXPECT_EQ(Lines(out), Lines(in));
  EXPECT_NE(out.find("MỤC ĐÍCH, YÊU CẦU"), std::string::npos) << out;
  // A symbol keeps its number and letters; only its codes get their Đ back.
  EXPECT_NE(out.find("941/KH-SGD&ĐT"), std::string::npos) << out;
  EXPECT_NE(out.find("13/6/2016"), std::string::npos);
  EXPECT_NE(out.find("p.tonghop@hoabinh.edu.vn"), std::string::npos) << out;
  EXPECT_NE(out.find("3.883.105"), std::string::npos);
  EXPECT_NE(out.find("Công tác thi đua, khen thưởng"), std::string::npos) << out;
}

TEST(Restorer, ExplainsEachChange) {
  Status status;
  const auto restorer = Restorer::Open({{ModelWithout004(), 1.0}}, &status);
  ASSERT_TRUE(restorer) << status.message();
  const RestoreResult r = restorer->Restore("x\nTo chuc thuc hien\n", Explained());
  ASSERT_EQ(r.changes.size(), static_cast<size_t>(r.changed));
  ASSERT_FALSE(r.changes.empty());
  EXPECT_EQ(r.changes[0].line, 2);
  EXPECT_EQ(r.changes[0].before, "To");
  EXPECT_EQ(r.changes[0].after, "Tổ");
}

// The vie model's kind of error: a valid syllable with the wrong mark
// ("cộng" for "công"). Tesseract's confidence decides how far it is trusted.
TEST(Restorer, OcrConfidenceDecidesWhetherAMisreadMarkIsTrusted) {
  Status status;
  const auto restorer = Restorer::Open({{ModelWithout004(), 1.0}}, &status);
  ASSERT_TRUE(restorer) << status.message();
  const std::string text = "Tiếp tục đổi mới cộng tác thi đua, khen thưởng.\n";
  const size_t at = text.find("cộng");
  // The lead of "công" over "cộng" as written, given that word's confidence.
  const auto lead = [&](float confidence) {
    RestoreOptions options = Explained();
    options.confidences = {{0, 96}, {at, confidence}, {at + 6, 96}};
    const RestoreResult r = restorer->Restore(text, options);
    for (const RestoreChange& c : r.changes)
      if (c.before == "cộng") return c.margin;
    return -1.0;  // kept as read
  };
  const double doubtful = lead(20), sure = lead(99);
  EXPECT_GT(doubtful, 0);  // the language model wins against a doubtful read
  EXPECT_GT(doubtful, sure + 2) << doubtful << " vs " << sure;
  // Without confidences the language model alone decides, as for typed text.
  EXPECT_NE(restorer->Restore(text).text.find("công tác"), std::string::npos);
}

TEST(Restorer, RestoresOnlyWhatIsDamagedEnoughReadingTheTextOnce) {
  Status status;
  const auto restorer = Restorer::Open({{ModelWithout004(), 1.0}}, &status);
  ASSERT_TRUE(restorer) << status.message();
  RestoreOptions options;
  options.min_damaged_share = 0.15;
  const std::string clean = "Tổ chức thực hiện kế hoạch thi đua, khen thưởng.\n";
  const RestoreResult kept = restorer->Restore(clean, options);
  EXPECT_FALSE(kept.applied);
  EXPECT_TRUE(kept.text.empty());
  EXPECT_DOUBLE_EQ(kept.damaged_share, restorer->DamagedShare(clean));
  const std::string stripped = "To chuc thuc hien ke hoach thi dua, khen thuong.\n";
  const RestoreResult restored = restorer->Restore(stripped, options);
  EXPECT_TRUE(restored.applied);
  EXPECT_GT(restored.damaged_share, 0.5);
  EXPECT_EQ(restored.text, clean);
}

TEST(Restorer, DamagedShareTellsCleanFromStrippedAndLegacyOcr) {
  Status status;
  const auto restorer = Restorer::Open({{ModelWithout004(), 1.0}}, &status);
  ASSERT_TRUE(restorer) << status.message();
  const std::string clean = Corpus("004-phu-tho-2016.txt");
  EXPECT_LT(restorer->DamagedShare(clean), 0.15);
  EXPECT_GT(restorer->DamagedShare(Strip(clean)), 0.5);
  EXPECT_GT(restorer->DamagedShare(Corpus("001-binh-chanh-2023.ocr.txt")), 0.3);
  EXPECT_EQ(restorer->DamagedShare(""), 0.0);
}

// Damage is cut into the letter runs the channel counts, whole code points.
TEST(OcrChannel, LetterRunsPairSourceRunsWithWhatOcrMadeOfThem) {
  using Runs = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(internal::LetterRuns("chuc", "chirc"),
            (Runs{{"c", "c"}, {"h", "h"}, {"u", "ir"}, {"c", "c"}}));
  EXPECT_EQ(internal::LetterRuns("so", "s¢"), (Runs{{"s", "s"}, {"o", "¢"}}));
  EXPECT_EQ(internal::LetterRuns("cac", "cc"), (Runs{{"c", "c"}, {"a", ""}, {"c", "c"}}));
  EXPECT_EQ(internal::LetterRuns("", ""), Runs{});
}

// Damage the renders never showed, seen twice in a document, becomes a rule
// of that document's channel; seen once, it does not.
TEST(OcrChannel, AdaptsToDamageADocumentRepeats) {
  const std::string path = testing::OutputDir() + "/adapt-channel.tsv";
  std::ofstream(path) << "u\tir\t-1.0\nd\td\t0.0\n";
  internal::OcrChannel learned;
  ASSERT_TRUE(learned.Load(path).ok());
  const auto has = [](const internal::OcrChannel& channel, const std::string& damaged,
                      const std::string& source) {
    for (const auto& [s, logp] : channel.Undamage(damaged))
      if (s == source) return true;
    return false;
  };
  EXPECT_TRUE(has(learned, "chirc", "chuc"));
  EXPECT_FALSE(has(learned, "pirc", "duc"));
  int added = -1;
  const internal::OcrChannel once = learned.AdaptedTo({{"pao", "dao"}, {"hinh", "hinh"}}, &added);
  EXPECT_EQ(added, 0);
  EXPECT_FALSE(has(once, "pirc", "duc"));
  const internal::OcrChannel twice = learned.AdaptedTo({{"pao", "dao"}, {"pien", "dien"}}, &added);
  EXPECT_EQ(added, 1);
  EXPECT_TRUE(has(twice, "pirc", "duc"));
  EXPECT_TRUE(has(twice, "chirc", "chuc"));
}

// The channel is counted from word pairs: kept letters always, damage only
// when seen twice, each over every occurrence of its source letters.
TEST(OcrChannel, TrainsRulesFromWordPairs) {
  const std::string path = testing::OutputDir() + "/trained-channel.tsv";
  int rules = 0;
  ASSERT_TRUE(TrainChannel({{"chức", "chirc"}, {"Chức", "chirc"}, {"chức", "chức"}, {"đi", "pi"}}, path, &rules)
                  .ok());
  // Skeletons: "u" read "ir" twice of three times and kept once; "đ" read
  // "p" once is chance, left out (and "d" was never kept: no rule for it).
  EXPECT_EQ(testing::ReadFile(path),
            "c\tc\t0.0000\n"
            "h\th\t0.0000\n"
            "i\ti\t0.0000\n"
            "u\tir\t-0.4055\n"
            "u\tu\t-1.0986\n");
  EXPECT_EQ(rules, 5);
  internal::OcrChannel channel;
  ASSERT_TRUE(channel.Load(path).ok());
  EXPECT_EQ(channel.Load(testing::OutputDir() + "/none.tsv").code(), Status::Code::kIoError);
  bool found = false;
  for (const auto& [source, logp] : channel.Undamage("chirc")) found |= source == "chuc";
  EXPECT_TRUE(found);
  EXPECT_EQ(TrainChannel({}, path).code(), Status::Code::kInvalidInput);
  EXPECT_EQ(TrainChannel({{"a", "a"}}, testing::OutputDir() + "/no/such/dir/channel.tsv").code(),
            Status::Code::kIoError);
}

TEST(TrainCommand, WritesTheChannelFromWordPairs) {
  const std::string dir = testing::OutputDir() + "/train-channel";
  const std::string pairs = testing::OutputDir() + "/pairs.tsv";
  std::ofstream(pairs) << "chức\tchirc\nchức\tchirc\n";
  std::ostringstream out, err;
  TrainOptions options;
  options.output_dir = dir;
  options.channel_pairs = pairs;
  EXPECT_EQ(RunTrain(options, out, err), kExitOk) << err.str();
  EXPECT_NE(testing::ReadFile(dir + "/channel.tsv").find("u\tir\t0.0000\n"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir + "/domain.lm"));
  std::ofstream(pairs) << "no tab here\n";
  EXPECT_EQ(RunTrain(options, out, err), kExitInputFailed);
  EXPECT_NE(err.str().find("pairs.tsv:1"), std::string::npos);
  options.channel_pairs.clear();
  EXPECT_EQ(RunTrain(options, out, err), kExitUsage);
}

// Legacy OCR whose "đ" became "p", which the channel never learned: single
// damage is found one edit away, and what those words show mends a word
// with two kinds of damage ("pirc": đ read p, ư read ir).
TEST(Restorer, FitsTheChannelToTheDocumentsOwnDamage) {
  const std::string channel = testing::OutputDir() + "/fit-channel.tsv";
  std::ofstream(channel) << "u\tir\t-1.0\n";
  const std::string model = testing::OutputDir() + "/fit.lm";
  ASSERT_TRUE(TrainLanguageModel({"điển hình đạo đức.\nđiển hình đạo đức.\nđạo đức điển hình.\n"}, {}, model)
                  .ok());
  Status status;
  const auto restorer = Restorer::Open({{model, 1.0}}, &status, channel);
  ASSERT_TRUE(restorer) << status.message();
  EXPECT_EQ(restorer->Restore("pién hinh pao pirc.\npién hinh.\npao pirc.\n").text,
            "điển hình đạo đức.\nđiển hình.\nđạo đức.\n");
}

// A stripped text is no legacy OCR for the one foreign word that keeps its
// marks ("µg", all of the text's marked words and none a syllable): its
// table's ticks ("x") and list letters stay as written, not read as
// damaged syllables one edit away.
TEST(Restorer, AStrayForeignWordDoesNotMakeAStrippedTextLegacyOcr) {
  const std::string channel = testing::OutputDir() + "/stray-channel.tsv";
  std::ofstream(channel) << "u\tir\t-1.0\n";
  Status status;
  const auto restorer = Restorer::Open({{ModelWithout004(), 1.0}}, &status, channel);
  ASSERT_TRUE(restorer) << status.message();
  std::string in, out;
  for (int i = 0; i < 3; ++i) {
    in += "x\nTo chuc thuc hien ke hoach thi dua, khen thuong.\nb\n";
    out += "x\nTổ chức thực hiện kế hoạch thi đua, khen thưởng.\nb\n";
  }
  EXPECT_EQ(restorer->Restore(in + "5 µg\n").text, out + "5 µg\n");
}

// List items run a b c d đ e: a stripped "d)" after "d)" is "đ)"; the
// first "d)", a "d" outside an item and a text with its marks keep theirs.
TEST(Restorer, TheListItemAfterDIsDWithAStroke) {
  Status status;
  const auto restorer = Restorer::Open({{ModelWithout004(), 1.0}}, &status);
  ASSERT_TRUE(restorer) << status.message();
  const std::string out =
      restorer->Restore("c) Khen thuong\nd) Thi dua\nke hoach\n**d)** To chuc\ne) Diem c, d, d\n").text;
  EXPECT_EQ(out, "c) Khen thưởng\nd) Thi đua\nkế hoạch\n**đ)** Tổ chức\ne) Điểm c, d, d\n");
  const std::string marked = "c) Tổ chức thực hiện\nd) Thi đua khen thưởng\nd) Tổ chức hội nghị\n";
  EXPECT_EQ(restorer->Restore(marked).text, marked);
}

TEST(Restorer, OddInputNeverCrashes) {
  Status status;
  const auto restorer = Restorer::Open({{ModelWithout004(), 1.0}}, &status);
  ASSERT_TRUE(restorer) << status.message();
  EXPECT_EQ(restorer->Restore("").text, "");
  const std::string mixed = "Kế hoạch Москва 東京 \xF0\x9F\x98\x80 123\n\n";
  EXPECT_EQ(Lines(restorer->Restore(mixed).text), 2);
  const std::string broken("to ch\xff\xfe uc\n", 11);  // not UTF-8: kept as it is
  EXPECT_EQ(Lines(restorer->Restore(broken).text), 1);
  std::string line;
  while (line.size() < (1u << 20)) line += "to chuc thi dua khen thuong, ";
  const RestoreResult r = restorer->Restore(line);
  EXPECT_EQ(Lines(r.text), 0);
  EXPECT_NE(r.text.find("tổ chức thi đua"), std::string::npos);
}

TEST(RestoreCommand, MissingModelIsExitCodeFour) {
  RestoreCommandOptions options;
  options.model_dir = testing::OutputDir() + "/no-model";
  std::istringstream in("to chuc\n");
  std::ostringstream out, err;
  EXPECT_EQ(RunRestore(options, in, out, err), kExitModelMissing);
  EXPECT_NE(err.str().find("no restoration model"), std::string::npos);
}

TEST(RestoreCommand, TrainSkipsTextWithoutMarksThenRestores) {
  const std::string dir = testing::OutputDir() + "/trained";
  std::filesystem::remove_all(dir);
  TrainOptions train;
  train.inputs = {testing::SourcePath("corpus/002-hoa-binh-2017.txt"),
                  testing::SourcePath("corpus/001-binh-chanh-2023.ocr.txt")};
  train.output_dir = dir;
  std::ostringstream out, err;
  EXPECT_EQ(RunTrain(train, out, err), kExitOk) << err.str();
  EXPECT_NE(err.str().find("001-binh-chanh-2023.ocr.txt: skipped"), std::string::npos);
  ASSERT_TRUE(std::filesystem::exists(dir + "/domain.lm"));

  RestoreCommandOptions options;
  options.model_dir = dir;
  std::istringstream in("Ke hoach\nthi dua\n");
  std::ostringstream restored, messages;
  EXPECT_EQ(RunRestore(options, in, restored, messages), kExitOk) << messages.str();
  EXPECT_EQ(restored.str(), "Kế hoạch\nthi đua\n");
}

}  // namespace
}  // namespace vnplan

namespace vnplan {
namespace {

TEST(ExtractWithRestoration, ModesAlwaysNeverAndAuto) {
  const std::string dir = testing::OutputDir() + "/extract-model";
  std::filesystem::create_directories(dir);
  ASSERT_TRUE(TrainLanguageModel({testing::ReadFile(testing::SourcePath("corpus/002-hoa-binh-2017.txt")),
                                  testing::ReadFile(testing::SourcePath("corpus/003-dak-nong-2023.txt"))},
                                 {}, dir + "/domain.lm")
                  .ok());
  const std::string ocr = testing::SourcePath("corpus/001-binh-chanh-2023.ocr.txt");
  auto run = [&](const std::string& mode, const std::string& model, std::string* out_text) {
    ExtractOptions options;
    options.inputs = {ocr};
    EXPECT_TRUE(ParseRestoreMode(mode, &options.restore).ok());
    options.model_dir = model;
    std::istringstream in;
    std::ostringstream out, err;
    const int code = RunExtract(options, in, out, err);
    *out_text = out.str();
    return code;
  };
  std::string json;
  ASSERT_EQ(run("always", dir, &json), kExitOk);
  auto j = nlohmann::json::parse(json);
  EXPECT_TRUE(j["source"]["restoration"]["applied"].get<bool>());
  EXPECT_GT(j["source"]["restoration"]["tokens_changed"].get<int>(), 500);
  EXPECT_EQ(j["document"]["type"], "Kế hoạch");
  ASSERT_EQ(run("auto", dir, &json), kExitOk);
  EXPECT_TRUE(nlohmann::json::parse(json)["source"]["restoration"]["applied"].get<bool>());
  ASSERT_EQ(run("never", dir, &json), kExitOk);
  EXPECT_FALSE(nlohmann::json::parse(json)["source"]["restoration"]["applied"].get<bool>());
  EXPECT_EQ(run("always", testing::OutputDir() + "/nothing-here", &json), kExitModelMissing);
  // A clean plan is left as it is in auto mode.
  ExtractOptions clean;
  clean.inputs = {testing::SourcePath("corpus/004-phu-tho-2016.txt")};
  clean.model_dir = dir;
  std::istringstream in;
  std::ostringstream out, err;
  ASSERT_EQ(RunExtract(clean, in, out, err), kExitOk);
  EXPECT_FALSE(nlohmann::json::parse(out.str())["source"]["restoration"]["applied"].get<bool>());
}

}  // namespace
}  // namespace vnplan
