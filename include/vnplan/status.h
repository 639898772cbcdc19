// Status: the one way an error crosses a module boundary in vnplan (after
// LevelDB's). A function that can fail returns a Status and writes its result
// through a pointer; ok() says whether it did. The code tells a caller what
// to do about it (the command line maps codes to exit codes); the message is
// one sentence for a person, naming the problem.
#ifndef VNPLAN_STATUS_H_
#define VNPLAN_STATUS_H_

#include <string>
#include <utility>

namespace vnplan {

class Status {
 public:
  enum class Code {
    kOk,
    kInvalidInput,     // the input cannot be read: not text, a broken scan, too big
    kInvalidArgument,  // the caller asked for something that does not exist
    kModelMissing,     // restoration was required but no usable model was found
    kIoError,          // a file could not be read or written
  };

  // Success.
  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidInput(std::string message) {
    return Status(Code::kInvalidInput, std::move(message));
  }
  static Status InvalidArgument(std::string message) {
    return Status(Code::kInvalidArgument, std::move(message));
  }
  static Status ModelMissing(std::string message) {
    return Status(Code::kModelMissing, std::move(message));
  }
  static Status IoError(std::string message) {
    return Status(Code::kIoError, std::move(message));
  }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  // Empty on success.
  const std::string& message() const { return message_; }

 private:
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}

  Code code_ = Code::kOk;
  std::string message_;
};

}  // namespace vnplan

#endif  // VNPLAN_STATUS_H_
