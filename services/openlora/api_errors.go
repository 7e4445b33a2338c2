package openlora

import (
	"encoding/json"
	"fmt"
	"net/http"
)

// APIError is an error in OpenAI's shape, with the HTTP status it is
// answered with.
type APIError struct {
	Status  int    `json:"-"`
	Message string `json:"message"`
	Type    string `json:"type"`
	Param   string `json:"param,omitempty"`
	Code    string `json:"code,omitempty"`
	// AmountDue is set on payment errors: the cumulative amount (aopen) the
	// next voucher of the channel must carry.
	AmountDue string `json:"amount_due,omitempty"`
}

func (e *APIError) Error() string { return e.Message }

// The error types OpenAI's API answers with.
const (
	errTypeInvalidRequest = "invalid_request_error"
	errTypePayment        = "payment_required"
	errTypeServer         = "server_error"
	errTypeNotFound       = "not_found_error"
	errTypeUnavailable    = "service_unavailable"
)

func invalidRequest(param, code, format string, args ...any) *APIError {
	return &APIError{Status: http.StatusBadRequest, Type: errTypeInvalidRequest, Param: param, Code: code, Message: fmt.Sprintf(format, args...)}
}

func notFound(code, format string, args ...any) *APIError {
	return &APIError{Status: http.StatusNotFound, Type: errTypeNotFound, Code: code, Message: fmt.Sprintf(format, args...)}
}

func paymentRequired(code, due, format string, args ...any) *APIError {
	return &APIError{Status: http.StatusPaymentRequired, Type: errTypePayment, Code: code, AmountDue: due, Message: fmt.Sprintf(format, args...)}
}

func serverError(format string, args ...any) *APIError {
	return &APIError{Status: http.StatusInternalServerError, Type: errTypeServer, Message: fmt.Sprintf(format, args...)}
}

func unavailable(code, format string, args ...any) *APIError {
	return &APIError{Status: http.StatusServiceUnavailable, Type: errTypeUnavailable, Code: code, Message: fmt.Sprintf(format, args...)}
}

// writeError answers with err in OpenAI's {"error": {...}} shape; errors
// that are not an *APIError are internal and answered as 500.
func writeError(w http.ResponseWriter, err error) {
	apiErr, ok := err.(*APIError) //nolint:errorlint // only direct API errors carry a status
	if !ok {
		apiErr = serverError("%v", err)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(apiErr.Status)
	_ = json.NewEncoder(w).Encode(map[string]*APIError{"error": apiErr})
}
