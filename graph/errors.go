package graph

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/batterykg/batterykg/internal/kg"
)

// ErrorPresenter turns errors into GraphQL errors with `extensions.code`. A kg.Error shows
// its message; anything else is logged and shown as a generic INTERNAL error, so no Cypher,
// driver message or stack trace reaches a client.
func ErrorPresenter(log *slog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		var gqlErr *gqlerror.Error
		if errors.As(err, &gqlErr) && gqlErr.Err == nil {
			// Parse and validation errors from gqlparser are safe and already coded; a value
			// that does not fit its argument or variable type (an unknown enum value such as a
			// sort field) is the client's input, so it says BAD_USER_INPUT.
			if badValue(gqlErr) {
				gqlErr.Extensions["code"] = kg.EINVALID
			}
			return gqlErr
		}
		code := kg.ErrorCode(err)
		msg := kg.ErrorMessage(err)
		var ke *kg.Error
		known := errors.As(err, &ke) && ke.Code == kg.EUNAVAILABLE && ke.Err == nil // Neo4j known gone: logged once by the store's user
		if (code == kg.EINTERNAL || code == kg.EUNAVAILABLE) && !known {
			log.ErrorContext(ctx, "graphql error", "code", code, "err", err)
		}
		out := graphql.DefaultErrorPresenter(ctx, err)
		out.Message = msg
		if out.Extensions == nil {
			out.Extensions = map[string]any{}
		}
		out.Extensions["code"] = code
		if ke != nil && ke.Field != "" {
			out.Extensions["field"] = ke.Field
		}
		return out
	}
}

// Recover turns a panic in a resolver into an INTERNAL error, logging the stack.
func Recover(log *slog.Logger) graphql.RecoverFunc {
	return func(ctx context.Context, p any) error {
		log.ErrorContext(ctx, "panic in resolver", "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
		return kg.Errorf(kg.EINTERNAL, "internal error")
	}
}

// badValue reports whether a validation error is about an argument's or variable's value.
func badValue(e *gqlerror.Error) bool {
	if e.Extensions == nil || e.Extensions["code"] != errcode.ValidationFailed {
		return false
	}
	if e.Rule == "ValuesOfCorrectType" {
		return true
	}
	return len(e.Path) > 0 && fmt.Sprint(e.Path[0]) == "variable"
}
